import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StripeApiError } from './errors';

/** Far above any request the relay makes; Stripe's own limit is not documented. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
  // Stripe pretty-prints its API answers too.
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value, null, 2) };
}

export function errorReply(error: StripeApiError, headers: Record<string, string> = {}): HttpReply {
  return jsonReply(error.status, error.toJSON(), headers);
}

/** For the control surface: `{ "error": "…" }`, never mistaken for a Stripe answer. */
export function controlError(status: number, message: string): HttpReply {
  return jsonReply(status, { error: message });
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The pages are plain forms: no script, no outside resources.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export function htmlReply(status: number, body: string): HttpReply {
  return { status, headers: { ...PAGE_HEADERS }, body };
}

/** 303 See Other: what a browser follows with a GET after a form POST. */
export function redirectReply(location: string): HttpReply {
  return { status: 303, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

export function writeReply(res: ServerResponse, reply: HttpReply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

/** Reads the whole request body as UTF-8, refusing more than MAX_BODY_BYTES; never rejects. */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      settle(
        size > MAX_BODY_BYTES ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
