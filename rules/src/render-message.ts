import { type FormatOptions, formatField, type MessageLocale } from './format-field';
import { CHATWORK_MESSAGE_LIMIT } from './limits';
import { nameMentions } from './member-names';
import { neutraliseNotation } from './neutralise-notation';
import { parseTemplate } from './template';
import type { KintoneRecord, KintoneUser, NotificationEvent, Rule, StatusChange } from './types';

export interface NotificationContext {
  event: NotificationEvent;
  appId: string;
  appName: string;
  recordId: string;
  recordUrl: string;
  record: KintoneRecord;
  previous?: KintoneRecord | undefined;
  user?: KintoneUser | undefined;
  status?: StatusChange | undefined;
}

export interface RenderOptions extends FormatOptions {
  /** ChatWork account id → display name, used to write `[To:id]Name`. */
  memberNames?: Readonly<Record<string, string>>;
}

const eventLabels: Record<MessageLocale, Record<NotificationEvent, string>> = {
  ja: { create: '新規作成', edit: '編集', status: 'ステータス変更' },
  en: { create: 'Created', edit: 'Edited', status: 'Status changed' },
};

function builtInValue(name: string, context: NotificationContext, locale: MessageLocale): string | undefined {
  switch (name) {
    case '$appName':
      return context.appName;
    case '$appId':
      return context.appId;
    case '$recordId':
      return context.recordId;
    case '$recordUrl':
      return context.recordUrl;
    case '$event':
      return eventLabels[locale][context.event];
    case '$user':
      return context.user?.name ?? '';
    case '$statusFrom':
      return context.status?.from ?? '';
    case '$statusTo':
      return context.status?.to ?? '';
    case '$action':
      return context.status?.action ?? '';
    default:
      return undefined;
  }
}

/** ChatWork account ids this rule mentions, in a stable order without repeats. */
export function mentionedAccountIds(rule: Rule, record: KintoneRecord): string[] {
  const ids = new Set(rule.mentions.accountIds);
  const { userField, userMap } = rule.mentions;
  const users = userField ? record[userField]?.value : undefined;
  if (Array.isArray(users)) {
    for (const user of users as { code?: unknown }[]) {
      const accountId = typeof user?.code === 'string' ? userMap[user.code] : undefined;
      if (accountId) ids.add(accountId);
    }
  }
  return [...ids];
}

function mentionLine(rule: Rule, record: KintoneRecord, options: RenderOptions): string {
  const tags = mentionedAccountIds(rule, record).map((id) => `[To:${id}]`);
  if (rule.mentions.toAll) tags.unshift('[toall]');
  return nameMentions(tags.join(' '), options.memberNames ?? {}, options.locale);
}

/**
 * Renders a rule's template for one notification. Only the administrator's template may use
 * ChatWork notation; every value that comes from the record or the user is neutralised first.
 */
export function renderMessage(rule: Rule, context: NotificationContext, options: RenderOptions): string {
  const body = parseTemplate(rule.template)
    .map((part) => {
      if (part.kind === 'text') return part.value;
      const value =
        builtInValue(part.value, context, options.locale) ?? formatField(context.record[part.value], options);
      return neutraliseNotation(value);
    })
    .join('');
  const mentions = mentionLine(rule, context.record, options);
  return truncateMessage(withoutControlCharacters(mentions ? `${mentions}\n${body}` : body));
}

// C0 controls other than tab and line breaks, and DEL: invisible in a chat message, and NUL cannot
// be stored in PostgreSQL text at all, so one such value would fail the whole notification.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

const truncationMarker = '\n…（文字数の上限を超えたため、以降を省略しました / truncated）';

/** Cuts a message that ChatWork would reject for its length, with a marker the reader can see. */
export function truncateMessage(body: string, limit: number = CHATWORK_MESSAGE_LIMIT): string {
  if (body.length <= limit) return body;
  let cut = limit - truncationMarker.length;
  // Never split a surrogate pair, which would leave a broken character before the marker.
  const code = body.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return body.slice(0, cut) + truncationMarker;
}
