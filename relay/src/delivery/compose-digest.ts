import { CHATWORK_MESSAGE_LIMIT } from '@k2c/rules';

const SEPARATOR = '\n[hr]\n';

function header(count: number): string {
  return `[info][title]kintone2chatwork: ${count}件の通知をまとめて送信しました / ${count} notifications in one message[/title]`;
}

export interface Digest {
  body: string;
  /** How many of the messages, from the first, fit into this digest; the rest wait for the next. */
  included: number;
}

/**
 * Combines waiting messages for one room into one post, in order, separated by `[hr]`, within
 * ChatWork's size limit. A single message is sent as it is.
 */
export function composeDigest(messages: string[], limit: number = CHATWORK_MESSAGE_LIMIT): Digest {
  const [first] = messages;
  if (first === undefined) return { body: '', included: 0 };
  if (messages.length === 1) return { body: first, included: 1 };
  let included = 0;
  let length = header(messages.length).length + '[/info]'.length;
  for (const message of messages) {
    const added = message.length + (included === 0 ? 1 : SEPARATOR.length);
    if (length + added > limit && included > 0) break;
    length += added;
    included += 1;
  }
  if (included === 1) return { body: first, included: 1 };
  const parts = messages.slice(0, included);
  return { body: `${header(included)}\n${parts.join(SEPARATOR)}[/info]`, included };
}
