import type { Db } from '@k2c/db';
import {
  type AcceptCall,
  type AcceptOutcome,
  type AcceptSettings,
  acceptDeliveries,
} from '../queries/accept-deliveries';

interface Pending {
  call: AcceptCall;
  resolve(outcome: AcceptOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the accepting path. A request goes to the database at once when a lane is
 * free; requests that arrive while every lane is busy wait and go together in the next call, one
 * transaction and one commit for all of them. An idle relay answers as fast as before; a busy one
 * spends one commit on many notifications instead of one each. Every caller still gets its 202
 * only after its own notification is committed.
 */
export class AcceptBatcher {
  private readonly waiting: Pending[] = [];
  private busyLanes = 0;
  /** Database calls made and notifications they carried: how much the grouping saves. */
  readonly sent = { calls: 0, notifications: 0 };

  constructor(
    private readonly db: Db,
    private readonly settings: AcceptSettings,
    private readonly lanes = 2,
    private readonly maxBatch = 100,
  ) {}

  submit(call: AcceptCall): Promise<AcceptOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ call, resolve, reject });
      if (this.busyLanes < this.lanes) void this.runLane();
    });
  }

  private async runLane(): Promise<void> {
    this.busyLanes += 1;
    try {
      while (this.waiting.length > 0) {
        await this.send(this.waiting.splice(0, this.maxBatch));
      }
    } finally {
      this.busyLanes -= 1;
    }
  }

  private async send(batch: Pending[]): Promise<void> {
    this.sent.calls += 1;
    this.sent.notifications += batch.length;
    try {
      const outcomes = await acceptDeliveries(
        this.db,
        batch.map((pending) => pending.call),
        this.settings,
      );
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome) pending.resolve(outcome);
        else pending.reject(new Error('the database answered fewer notifications than it was sent'));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One notification's failure must not fail the others: each is tried again on its own.
      for (const pending of batch) await this.send([pending]);
    }
  }
}
