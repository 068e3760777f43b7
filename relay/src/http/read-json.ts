import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors';

/**
 * Parses and validates a JSON body. Only `application/json` is read: a form or text/plain post
 * from another site is a "simple" cross-origin request that browsers send without asking, so
 * accepting it would open the cookie-authenticated API to CSRF.
 */
export async function readJson<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('invalid_request', 'The request body is not valid JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    // Only paths and messages go back: never the submitted values, which may hold a password.
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = issues[0];
    throw new AppError(
      'invalid_request',
      first ? `Invalid request: ${first.path || 'body'} ${first.message}` : 'Invalid request',
      { issues },
    );
  }
  return result.data;
}
