import type { Context } from 'hono';
import type { SessionUser } from '../../services/sessions';
import type { DashboardEnv } from '../http/dashboard-env';
import { noticeOf } from '../http/notice';
import type { Lang, Messages } from '../i18n/index';

/** What every page needs to know about the request it answers. */
export interface View {
  lang: Lang;
  t: Messages;
  /** The page's own GET path: highlights the menu entry and is where the language switch leads. */
  path: string;
  /** The query of a GET request (filters, cursor), kept when the language is switched. */
  search: string;
  viewer: SessionUser | undefined;
  notice: string | undefined;
}

/**
 * The view of the current request. `search` overrides the query the language switch keeps, for
 * pages whose query should not be carried over as it came (an unchecked `next`).
 */
export function viewOf(c: Context<DashboardEnv>, path: string, search?: string): View {
  const t = c.var.t;
  search ??= c.req.method === 'GET' ? new URL(c.req.url).search : '';
  return {
    lang: c.var.lang,
    t,
    path,
    search,
    viewer: c.var.viewer,
    notice: c.req.method === 'GET' ? noticeOf(c, t) : undefined,
  };
}

/** The current page in the other language: the same path and filters, with `lang` set. */
export function languageHref(view: View, lang: Lang): string {
  const params = new URLSearchParams(view.search);
  params.delete('notice');
  params.set('lang', lang);
  return `${view.path}?${params.toString()}`;
}
