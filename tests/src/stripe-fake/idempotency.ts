import type { HttpReply } from '../fake-server/http-io';
import { StripeApiError } from './errors';

/** Stripe keeps idempotency keys for 24 hours. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
const KEY_MAX_LENGTH = 255;

interface Entry {
  endpoint: string;
  fingerprint: string;
  reply: HttpReply;
  storedAt: number;
}

/**
 * Stripe's idempotency for POSTs: the first result of a key is stored and replayed for the same
 * endpoint and parameters (with `Idempotent-Replayed: true`); other parameters or another endpoint
 * → 400 idempotency_error. As in Stripe, only requests that got past validation store a result —
 * here, successful ones — so a corrected retry under the same key still works.
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  lookup(key: string, endpoint: string, fingerprint: string, nowMs: number): HttpReply | undefined {
    if (key.length > KEY_MAX_LENGTH) {
      throw new StripeApiError(400, `Idempotency key must be at most ${KEY_MAX_LENGTH} characters long.`, {
        type: 'idempotency_error',
      });
    }
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (nowMs - entry.storedAt > KEY_LIFETIME_MS) {
      this.entries.delete(key);
      return undefined;
    }
    if (entry.endpoint !== endpoint) {
      throw new StripeApiError(
        400,
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
        { type: 'idempotency_error' },
      );
    }
    if (entry.fingerprint !== fingerprint) {
      throw new StripeApiError(
        400,
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        { type: 'idempotency_error' },
      );
    }
    return { ...entry.reply, headers: { ...entry.reply.headers, 'idempotent-replayed': 'true' } };
  }

  store(key: string, endpoint: string, fingerprint: string, reply: HttpReply, nowMs: number): void {
    if (reply.status >= 200 && reply.status < 300)
      this.entries.set(key, { endpoint, fingerprint, reply, storedAt: nowMs });
  }
}
