/**
 * Stripe's error body: `{"error": {type, message, code?, param?, doc_url?}}`, with the statuses the
 * stripe client maps to its error classes (400/404 → StripeInvalidRequestError or, for
 * `idempotency_error`, StripeIdempotencyError; 401 → StripeAuthenticationError).
 */
export type StripeErrorType = 'invalid_request_error' | 'idempotency_error' | 'api_error';

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { type?: StripeErrorType; code?: string; param?: string } = {},
  ) {
    super(message);
  }

  toJSON(): { error: Record<string, string> } {
    const { type = 'invalid_request_error', code, param } = this.details;
    const error: Record<string, string> = { type, message: this.message };
    if (code !== undefined) {
      error.code = code;
      error.doc_url = `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;
    }
    if (param !== undefined) error.param = param;
    return { error };
  }
}

// Wordings as Stripe writes them.
export function missingParam(param: string): StripeApiError {
  return new StripeApiError(400, `Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function unknownParam(param: string): StripeApiError {
  return new StripeApiError(400, `Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

export function invalidParam(param: string, message: string, code = 'parameter_invalid'): StripeApiError {
  return new StripeApiError(400, message, { code, param });
}

export function emptyParam(param: string): StripeApiError {
  return new StripeApiError(
    400,
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    { code: 'parameter_invalid_empty', param },
  );
}

/** `No such customer: 'cus_x'` — 404 for the id in the path, 400 when the id came in a parameter. */
export function noSuch(kind: string, id: string, param = 'id', status = param === 'id' ? 404 : 400): StripeApiError {
  return new StripeApiError(status, `No such ${kind}: '${id}'`, { code: 'resource_missing', param });
}

export function invalidRequest(message: string, status = 400, param?: string): StripeApiError {
  return new StripeApiError(status, message, param === undefined ? {} : { param });
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(
    404,
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  );
}
