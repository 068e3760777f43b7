import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Sends a full page: the doctype, then the page's markup (hono/jsx escapes every value). */
export function render(c: Context, page: Child, status: ContentfulStatusCode = 200) {
  return c.html(html`${raw('<!DOCTYPE html>')}${page}`, status);
}

/** Post/Redirect/Get: after a form post, the browser loads the result page with a GET. */
export function seeOther(c: Context, location: string) {
  return c.redirect(location, 303);
}
