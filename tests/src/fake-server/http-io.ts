/**
 * HTTP plumbing shared by the local fakes (tests/src/chatwork-fake, tests/src/stripe-fake): reading
 * request bodies, writing answers. What each fake answers, and in which shape, stays in its folder.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** `indent` pretty-prints the JSON, for a service whose answers are pretty-printed (Stripe's). */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  indent?: number,
): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value, null, indent),
  };
}

/** The fakes' own pages are plain HTML: no script, no outside resources, inline styles only. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function htmlReply(status: number, body: string, contentSecurityPolicy = PAGE_CSP): HttpReply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body,
  };
}

export function writeReply(res: ServerResponse, reply: HttpReply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

export interface BodyLimits {
  /** A larger body is refused: `too-large`. */
  maxBytes: number;
  /**
   * Above `maxBytes` the rest is still read (and discarded) up to this much, so an ordinary client
   * that is still uploading gets to read the 413 instead of a reset connection; beyond it, `hangUp`.
   * Without it, the rest is read whatever its size.
   */
  maxDrainBytes?: number;
}

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large'; hangUp: boolean } | { kind: 'aborted' };

/** Reads the whole request body as UTF-8, refusing more than `limits.maxBytes`; never rejects. */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  const { maxBytes, maxDrainBytes = Number.POSITIVE_INFINITY } = limits;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > maxDrainBytes) {
    req.resume();
    return Promise.resolve({ kind: 'too-large', hangUp: true });
  }
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
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxDrainBytes) {
        req.pause();
        settle({ kind: 'too-large', hangUp: true });
      }
    });
    req.on('end', () => {
      if (size > maxBytes) settle({ kind: 'too-large', hangUp: false });
      else settle({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}

/** A header as one string (repeated headers joined with ", "); Node has lower-cased the names. */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The request target as a URL, or undefined when it is not a path (absolute-form, `*`, garbage).
 * Prefixing a fixed origin keeps "//host/x" a path instead of a host.
 */
export function requestUrl(target: string): URL | undefined {
  if (!target.startsWith('/')) return undefined;
  try {
    return new URL(`http://fake${target}`);
  } catch {
    return undefined;
  }
}
