import type { MessageLocale } from './format-field';
import { neutraliseNotation } from './neutralise-notation';

// A `[To:id]` tag that has no name after it yet: end of line or white space follows.
const BARE_MENTION = /\[To:(\d+)\](?=\s|$)/g;

/** The account ids a message mentions with `[To:id]`. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(/\[To:(\d+)\]/g)].map((match) => match[1] as string))];
}

/**
 * Writes the member's name after each bare `[To:id]` on the first line (where rules put their
 * mentions), as people do by hand in ChatWork: `[To:123]山田さん`. Names come from ChatWork's
 * member list, so they are neutralised like any other outside text.
 */
export function nameMentions(body: string, names: Readonly<Record<string, string>>, locale: MessageLocale): string {
  const newline = body.indexOf('\n');
  const first = newline === -1 ? body : body.slice(0, newline);
  const named = first.replace(BARE_MENTION, (tag, id: string) => {
    const name = names[id];
    return name ? `${tag}${neutraliseNotation(name)}${locale === 'ja' ? 'さん' : ''}` : tag;
  });
  return newline === -1 ? named : named + body.slice(newline);
}
