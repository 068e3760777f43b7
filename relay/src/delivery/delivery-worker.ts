import type { Database } from '@k2c/db';
import type { ChatworkClient } from '../chatwork/chatwork-client';
import type { Keyring } from '../crypto/keyring';
import { describeError, type Logger } from '../logger';
import { markChatworkTokenInvalid } from '../queries/chatwork-credentials';
import {
  claimDueDeliveries,
  DELIVERY_CHANNEL,
  type DeliveryOutcome,
  type DeliveryRow,
  recordOutcome,
  releaseClaims,
} from '../queries/deliveries';
import { chatworkToken } from '../services/chatwork-connection';
import { classifyPostResult, defaultRetryPolicy, HOLD_RECHECK_MS, type RetryPolicy } from './classify-post-result';

export interface DeliveryWorkerOptions {
  database: Pick<Database, 'db' | 'listen'>;
  chatwork: ChatworkClient;
  keyring: Keyring;
  logger: Logger;
  /** Polling covers a missed NOTIFY and retries that come due; NOTIFY covers fresh work. */
  pollIntervalMs?: number;
  /** How long a claim lasts before another worker may take the delivery over. */
  leaseMs?: number;
  batchSize?: number;
  retryPolicy?: RetryPolicy;
}

/**
 * Takes due deliveries from the outbox and posts them to ChatWork. Several workers, in one
 * process or many, share the queue through row locks; each claim is a lease, so work held by a
 * process that died is taken again once its lease runs out (at least once, never lost).
 */
export class DeliveryWorker {
  private stopping = false;
  /** Set by a NOTIFY; checked before sleeping so a wake-up between claim and sleep is not lost. */
  private woken = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly claimed = new Set<string>();
  private readonly options: Required<Omit<DeliveryWorkerOptions, 'database' | 'chatwork' | 'keyring' | 'logger'>>;

  constructor(private readonly deps: DeliveryWorkerOptions) {
    this.options = {
      pollIntervalMs: deps.pollIntervalMs ?? 1_000,
      leaseMs: deps.leaseMs ?? 60_000,
      batchSize: deps.batchSize ?? 10,
      retryPolicy: deps.retryPolicy ?? defaultRetryPolicy,
    };
  }

  async start(): Promise<void> {
    this.unlisten = await this.deps.database.listen(DELIVERY_CHANNEL, () => this.notify());
    this.loop = this.run();
  }

  /** Stops claiming, lets the post in flight finish, and puts back whatever was claimed but not sent. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.loop;
    await this.unlisten?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let batch: DeliveryRow[] = [];
      try {
        batch = await claimDueDeliveries(this.deps.database.db, {
          limit: this.options.batchSize,
          leaseMs: this.options.leaseMs,
        });
      } catch (error) {
        this.deps.logger.error('claiming deliveries failed', describeError(error));
      }
      if (batch.length === 0) {
        await this.idle();
        continue;
      }
      for (const delivery of batch) this.claimed.add(delivery.id);
      for (const delivery of batch) {
        if (this.stopping) break;
        await this.deliverSafely(delivery);
      }
      if (this.claimed.size > 0) {
        await releaseClaims(this.deps.database.db, [...this.claimed]).catch((error) =>
          this.deps.logger.error('releasing claims failed', describeError(error)),
        );
        this.claimed.clear();
      }
    }
  }

  private notify(): void {
    this.woken = true;
    this.wake?.();
  }

  private idle(): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async deliverSafely(delivery: DeliveryRow): Promise<void> {
    try {
      await this.deliver(delivery);
    } catch (error) {
      // The lease will run out and another attempt will follow; nothing is lost.
      this.deps.logger.error('delivery attempt failed unexpectedly', {
        deliveryId: delivery.id,
        ...describeError(error),
      });
    } finally {
      this.claimed.delete(delivery.id);
    }
  }

  private async deliver(delivery: DeliveryRow): Promise<void> {
    const { db } = this.deps.database;
    const credentials = await chatworkToken({ db, keyring: this.deps.keyring }, delivery.tenantId);
    if (credentials?.status !== 'active') {
      await this.finish(delivery, {
        status: 'queued',
        nextAttemptAt: new Date(Date.now() + HOLD_RECHECK_MS),
        refundAttempt: true,
        errorCode: credentials ? 'chatwork_token_invalid' : 'chatwork_not_connected',
        errorMessage: credentials
          ? 'ChatWork rejected the API token; enter a new one on the dashboard'
          : 'No ChatWork API token is connected yet',
      });
      return;
    }
    const result = await this.deps.chatwork.postMessage(credentials.token, delivery.roomId, delivery.body ?? '');
    const outcome = classifyPostResult(result, delivery.attempts, Date.now(), this.options.retryPolicy);
    if (outcome.errorCode === 'chatwork_token_invalid') await markChatworkTokenInvalid(db, delivery.tenantId);
    await this.finish(delivery, outcome);
  }

  private async finish(delivery: DeliveryRow, outcome: DeliveryOutcome): Promise<void> {
    const recorded = await recordOutcome(this.deps.database.db, delivery.id, outcome);
    this.deps.logger.info('delivery attempt', {
      deliveryId: delivery.id,
      tenantId: delivery.tenantId,
      roomId: delivery.roomId,
      attempt: delivery.attempts,
      status: outcome.status,
      errorCode: outcome.errorCode ?? undefined,
      recorded,
    });
  }
}
