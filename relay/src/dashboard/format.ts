import type { Lang } from './i18n/index';

const TIME_ZONE = 'Asia/Tokyo';

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function japanParts(at: Date): Record<string, string> {
  return Object.fromEntries(dateTimeParts.formatToParts(at).map((part) => [part.type, part.value]));
}

/** A moment as people in Japan read it: `2026/05/01 09:30` (ja) or `2026-05-01 09:30` (en), Japan time. */
export function formatDateTime(value: string | Date, lang: Lang): string {
  const at = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) return '';
  const p = japanParts(at);
  const sep = lang === 'ja' ? '/' : '-';
  return `${p.year}${sep}${p.month}${sep}${p.day} ${p.hour}:${p.minute}`;
}

/** A calendar day in Japan time: `2026/05/01` (ja) or `2026-05-01` (en). */
export function formatDate(value: string | Date, lang: Lang): string {
  const at = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) return '';
  const p = japanParts(at);
  const sep = lang === 'ja' ? '/' : '-';
  return `${p.year}${sep}${p.month}${sep}${p.day}`;
}

/** `YYYY-MM-DD` of a moment, in Japan time. */
export function japanDay(at: Date): string {
  const p = japanParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A short axis label for a `YYYY-MM-DD` day: `5/1`. */
export function shortDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(month)}/${Number(date)}`;
}

/**
 * The start of a `YYYY-MM-DD` day in Japan time (UTC+9, no daylight saving), or undefined when
 * the text is not a real date. `offsetDays` moves it, so the end of a day is the next day's start.
 */
export function startOfJapanDay(day: string, offsetDays = 0): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return undefined;
  }
  return new Date(utc + offsetDays * 86_400_000 - 9 * 3_600_000);
}

export function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}
