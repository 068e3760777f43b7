import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error code the API answers with, and its HTTP status (contract 2). */
const errorStatuses = {
  invalid_request: 400,
  invalid_rules: 400,
  invalid_reset_token: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  quota_exceeded: 402,
  plan_inactive: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  chatwork_token_rejected: 422,
  kintone_read_failed: 422,
  chatwork_not_connected: 409,
  delivery_not_retryable: 409,
  already_subscribed: 409,
  no_billing_account: 409,
  billing_not_configured: 503,
  rate_limited: 429,
  internal_error: 500,
  chatwork_unavailable: 502,
  billing_unavailable: 502,
  service_unavailable: 503,
  kintone_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatuses;

export class AppError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatuses[code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}
