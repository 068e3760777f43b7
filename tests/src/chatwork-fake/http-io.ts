import type { IncomingMessage, ServerResponse } from 'node:http';

/** Far above any valid ChatWork message (65,535 chars ≈ 590 KB even fully percent-encoded in UTF-8). */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Above the limit we keep reading (and discarding) up to this much, so an ordinary client that is
 * still uploading gets to read the 413 instead of a reset connection; beyond it we hang up.
 */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** ChatWork's error shape: always `{"errors": [string, ...]}`. */
export function errorReply(status: number, message: string, headers: Record<string, string> = {}): HttpReply {
  return jsonReply(status, { errors: [message] }, headers);
}

export function writeReply(res: ServerResponse, reply: HttpReply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large'; hangUp: boolean } | { kind: 'aborted' };

/** Reads the whole request body as UTF-8, refusing more than MAX_BODY_BYTES; never rejects. */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) {
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
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        req.pause();
        settle({ kind: 'too-large', hangUp: true });
      }
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) settle({ kind: 'too-large', hangUp: false });
      else settle({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
