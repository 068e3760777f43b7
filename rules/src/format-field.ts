import type { KintoneField } from './types';

export type MessageLocale = 'ja' | 'en';

export interface FormatOptions {
  locale: MessageLocale;
  /** IANA zone that date-times are shown in, as the kintone user sees them. */
  timeZone: string;
}

interface Entity {
  code?: unknown;
  name?: unknown;
}

function listSeparator(locale: MessageLocale): string {
  return locale === 'ja' ? '、' : ', ';
}

function namesOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: Entity) => String(item?.name ?? item?.code ?? '')).filter((name) => name !== '');
}

function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** kintone sends date-times in UTC; users see them in their own zone as `YYYY-MM-DD HH:mm`. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A field's value as text, the way kintone shows it on the record screen. */
export function formatField(field: KintoneField | undefined, options: FormatOptions): string {
  if (!field) return '';
  const { type, value } = field;
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'CATEGORY':
      return Array.isArray(value) ? value.map(String).join(listSeparator(options.locale)) : String(value);
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'STATUS_ASSIGNEE':
      return namesOf(value).join(listSeparator(options.locale));
    case 'CREATOR':
    case 'MODIFIER':
      return namesOf([value])[0] ?? '';
    case 'FILE':
      return Array.isArray(value)
        ? value.map((file: { name?: unknown }) => String(file?.name ?? '')).join(listSeparator(options.locale))
        : '';
    case 'SUBTABLE': {
      const rows = Array.isArray(value) ? value.length : 0;
      return options.locale === 'ja' ? `${rows}行` : `${rows} ${rows === 1 ? 'row' : 'rows'}`;
    }
    case 'DATETIME':
    case 'CREATED_TIME':
    case 'UPDATED_TIME':
      return typeof value === 'string' && value !== '' ? formatDateTime(value, options.timeZone) : '';
    case 'CALC':
      // A calculated field formatted as a date-time carries a UTC timestamp like DATETIME does;
      // numbers, dates and times arrive already as kintone shows them.
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(value)
        ? formatDateTime(value, options.timeZone)
        : String(value);
    case 'RICH_TEXT':
      return typeof value === 'string' ? stripHtml(value) : '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}
