import { bodyLimit } from 'hono/body-limit';
import { AppError, errorBody } from '../errors';

/** hono's body limit, answering in the API's JSON error shape. */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const error = new AppError(
        'payload_too_large',
        `The request body is larger than ${Math.round(maxBytes / 1024)} KB`,
      );
      return c.json(errorBody(error), error.status);
    },
  });
}
