import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../errors';
import type { Messages } from '../i18n/index';

export interface Failure {
  code: string;
  status: ContentfulStatusCode;
  /** The reader's sentence, in the page's language. */
  message: string;
}

/**
 * What to tell the reader about an error a service threw on purpose (AppError). Anything else is
 * a bug: it is rethrown, to be logged and shown as the error page.
 */
export function failureOf(error: unknown, t: Messages): Failure {
  if (!(error instanceof AppError)) throw error;
  const code: string = error.code;
  const message = Object.hasOwn(t.errors, code) ? t.errors[code as keyof Messages['errors']] : t.errors.generic;
  return { code, status: error.status, message };
}
