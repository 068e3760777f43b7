import { randomUUID } from 'node:crypto';
import type { Database } from '@k2c/db';
import { mentionedIds, nameMentions } from '@k2c/rules';
import type { ChatworkClient, ChatworkResult } from '../chatwork/chatwork-client';
import type { Keyring } from '../crypto/keyring';
import type { RateLimit } from '../env';
import { describeError, type Logger } from '../logger';
import { markChatworkTokenInvalid, setTokenBucketKey } from '../queries/chatwork-credentials';
import {
  claimNextUnit,
  DELIVERY_CHANNEL,
  type DeliveryOutcome,
  type DeliveryRow,
  type DigestPolicy,
  nextDueAt,
  recordOutcome,
  releaseClaims,
} from '../queries/deliveries';
import { chatworkToken } from '../services/chatwork-connection';
import {
  classifyPostResult,
  defaultRetryPolicy,
  type RetryPolicy,
  ROOM_LIMIT_ERROR,
  ROOM_LIMIT_WAIT_MS,
} from './classify-post-result';
import { composeDigest } from './compose-digest';
import { memberNames } from './member-names';
import {
  type BucketSpec,
  blockBucket,
  bucketSpec,
  obeyRemaining,
  roomBucketKey,
  takeRateTokens,
  tokenBucketKey,
} from './rate-buckets';

export interface DeliveryWorkerOptions {
  database: Pick<Database, 'db' | 'listen'>;
  chatwork: ChatworkClient;
  keyring: Keyring;
  logger: Logger;
  /** ChatWork's general limit per API token and its posting limit per room. */
  tokenRateLimit: RateLimit;
  roomRateLimit: RateLimit;
  /** How bunched up posts may reach ChatWork (network and scheduling jitter); see bucketSpec. */
  limitSlackMs?: number | undefined;
  /** Combine a room's backlog into one post; undefined sends every message on its own. */
  digest?: DigestPolicy | undefined;
  /** Longest sleep between looks at the queue; NOTIFY and due times usually wake it sooner. */
  pollIntervalMs?: number;
  /** How long a claim lasts before another worker may take the delivery over. */
  leaseMs?: number;
  retryPolicy?: RetryPolicy;
}

/**
 * Takes due deliveries from the outbox and posts them to ChatWork within ChatWork's limits.
 * Several workers, in one process or many, share the queue through row locks and the limits
 * through token buckets in the database; each claim is a lease, so work held by a process that
 * died is taken again once its lease runs out (at least once, never lost).
 */
export class DeliveryWorker {
  private stopping = false;
  /** Set by a NOTIFY; checked before sleeping so a wake-up between claim and sleep is not lost. */
  private woken = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly deps: DeliveryWorkerOptions) {
    this.pollIntervalMs = deps.pollIntervalMs ?? 1_000;
    this.leaseMs = deps.leaseMs ?? 60_000;
    this.retryPolicy = deps.retryPolicy ?? defaultRetryPolicy;
  }

  async start(): Promise<void> {
    this.unlisten = await this.deps.database.listen(DELIVERY_CHANNEL, () => this.notify());
    this.loop = this.run();
  }

  /** Stops claiming and lets the post in flight finish; a unit is only claimed right before it is sent. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.loop;
    await this.unlisten?.();
  }

  private notify(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let unit: DeliveryRow[] = [];
      try {
        unit = await claimNextUnit(this.deps.database.db, { leaseMs: this.leaseMs, digest: this.deps.digest });
      } catch (error) {
        this.deps.logger.error('claiming deliveries failed', describeError(error));
      }
      if (unit.length === 0) {
        await this.idle();
        continue;
      }
      try {
        await this.send(unit);
      } catch (error) {
        // The lease runs out and another attempt follows; nothing is lost.
        this.deps.logger.error('delivery attempt failed unexpectedly', {
          deliveryIds: unit.map((delivery) => delivery.id),
          ...describeError(error),
        });
      }
    }
  }

  /** Sleeps until the next delivery comes due, a NOTIFY arrives, or the poll interval passes. */
  private async idle(): Promise<void> {
    if (this.woken || this.stopping) return;
    let sleepMs = this.pollIntervalMs;
    try {
      const next = await nextDueAt(this.deps.database.db);
      if (next) sleepMs = Math.min(sleepMs, Math.max(5, next.getTime() - Date.now()));
    } catch (error) {
      this.deps.logger.warn('reading the next due time failed', describeError(error));
    }
    if (this.woken || this.stopping) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, sleepMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
  }

  private async send(unit: DeliveryRow[]): Promise<void> {
    const { db } = this.deps.database;
    const [head] = unit as [DeliveryRow, ...DeliveryRow[]];
    const credentials = await chatworkToken({ db, keyring: this.deps.keyring }, head.tenantId);
    if (credentials?.status !== 'active') {
      await this.finish(unit, {
        status: 'held',
        refundAttempt: true,
        errorCode: credentials ? 'chatwork_token_invalid' : 'chatwork_not_connected',
        errorMessage: credentials
          ? 'ChatWork rejected the API token; enter a new one on the dashboard'
          : 'No ChatWork API token is connected yet',
      });
      return;
    }
    const tokenBucket = bucketSpec(tokenBucketKey(credentials.token), this.deps.tokenRateLimit, this.deps.limitSlackMs);
    if (credentials.tokenBucketKey !== tokenBucket.key) await setTokenBucketKey(db, head.tenantId, tokenBucket.key);
    const roomBucket = bucketSpec(roomBucketKey(head.roomId), this.deps.roomRateLimit, this.deps.limitSlackMs);

    const bodies = unit.map((delivery) => delivery.body ?? '');
    const names = bodies.some((body) => mentionedIds(body).length > 0)
      ? await memberNames(
          { db, chatwork: this.deps.chatwork },
          { token: credentials.token, tokenBucket, roomId: head.roomId },
        )
      : {};
    const digest = composeDigest(bodies.map((body) => nameMentions(body, names, 'ja')));
    const included = unit.slice(0, digest.included);
    const left = unit.slice(digest.included);
    if (left.length > 0)
      await releaseClaims(
        db,
        left.map((delivery) => delivery.id),
      );

    // The tokens are taken right before the post, so what ChatWork sees is spaced as the buckets allow.
    const take = await takeRateTokens(db, [tokenBucket, roomBucket]);
    if (!take.taken) {
      // The bucket now says when it is ready; the claim query leaves its deliveries alone until then.
      await releaseClaims(
        db,
        included.map((delivery) => delivery.id),
        take.readyAt,
      );
      return;
    }
    const result = await this.deps.chatwork.postMessage(credentials.token, head.roomId, digest.body);
    await this.obeyChatworkLimits(result, tokenBucket, roomBucket, take.sequences[0] ?? 0);
    if (!result.ok && result.kind === 'http' && result.status === 401)
      await markChatworkTokenInvalid(db, head.tenantId);

    const digestId = included.length > 1 ? randomUUID() : undefined;
    // Attempts differ between the messages of a digest, so each gets its own verdict.
    for (const delivery of included) {
      const outcome = classifyPostResult(result, delivery.attempts, Date.now(), this.retryPolicy);
      await this.finish([delivery], digestId && outcome.status === 'delivered' ? { ...outcome, digestId } : outcome);
    }
  }

  private async obeyChatworkLimits(
    result: ChatworkResult<unknown>,
    tokenBucket: BucketSpec,
    roomBucket: BucketSpec,
    sequence: number,
  ): Promise<void> {
    const { db } = this.deps.database;
    if (result.ok === false && result.kind === 'http' && result.status === 429) {
      if (result.errors.includes(ROOM_LIMIT_ERROR)) {
        await blockBucket(db, roomBucket.key, new Date(Date.now() + ROOM_LIMIT_WAIT_MS));
      } else {
        await blockBucket(db, tokenBucket.key, new Date(Math.max(result.rateLimit?.resetAt ?? 0, Date.now() + 1_000)));
      }
      this.deps.logger.warn('chatwork answered 429', { roomId: roomBucket.key, errors: result.errors });
      return;
    }
    const state = result.ok || result.kind === 'http' ? result.rateLimit : undefined;
    if (state && Number.isFinite(state.remaining)) {
      await obeyRemaining(db, tokenBucket.key, {
        remaining: state.remaining,
        resetAt: new Date(state.resetAt),
        sequence,
      });
    }
  }

  private async finish(unit: DeliveryRow[], outcome: DeliveryOutcome): Promise<void> {
    const recorded = await recordOutcome(
      this.deps.database.db,
      unit.map((delivery) => delivery.id),
      outcome,
    );
    for (const delivery of unit) {
      this.deps.logger.info('delivery attempt', {
        deliveryId: delivery.id,
        tenantId: delivery.tenantId,
        roomId: delivery.roomId,
        attempt: delivery.attempts,
        status: outcome.status,
        errorCode: outcome.errorCode ?? undefined,
        digestId: outcome.digestId,
        recorded: recorded > 0,
      });
    }
  }
}
