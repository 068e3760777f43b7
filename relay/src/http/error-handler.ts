import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorBody } from '../errors';
import { describeError, type Logger } from '../logger';

function respond(c: Context, error: AppError) {
  return c.json(errorBody(error), error.status, error.headers);
}

/** Maps every failure to `{ error: { code, message } }`; an unexpected one never leaks its stack. */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof AppError) return respond(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 401 ? 'unauthorized' : error.status === 413 ? 'payload_too_large' : 'invalid_request';
      return respond(c, new AppError(code, error.message || 'Invalid request'));
    }
    logger.error('request failed', { method: c.req.method, path: c.req.path, ...describeError(error) });
    return respond(c, new AppError('internal_error', 'Something went wrong on our side; please try again'));
  };
}

export const notFoundHandler: NotFoundHandler = (c) => respond(c, new AppError('not_found', 'No such endpoint'));
