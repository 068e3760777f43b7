import type { Context } from 'hono';
import type { Messages } from '../i18n/index';

export type NoticeCode = keyof Messages['notices'];

/**
 * The one-line confirmation after a redirect, carried as `?notice=<code>`: a code from a fixed
 * list, never free text and never a secret, so a crafted link can only show one of our messages.
 */
export function noticeOf(c: Context, t: Messages): string | undefined {
  const code = c.req.query('notice');
  if (!code || !Object.hasOwn(t.notices, code)) return undefined;
  return t.notices[code as NoticeCode];
}

export function withNotice(path: string, code: NoticeCode): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${code}`;
}
