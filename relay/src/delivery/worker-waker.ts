import type { Db } from '@k2c/db';
import { describeError, type Logger } from '../logger';
import { notifyDeliveryWorkers } from '../queries/deliveries';

/**
 * Wakes idle delivery workers (in every instance) after new work was queued. PostgreSQL
 * serialises the commits of transactions that NOTIFY, so under load one wake-up per interval is
 * sent, after the commit, instead of one inside every accepting transaction; a wake-up asked for
 * within the interval is sent at its end, so none is lost.
 */
export function createWorkerWaker(db: Db, logger: Logger, intervalMs = 10): () => void {
  let last = 0;
  let pending: NodeJS.Timeout | undefined;
  const send = () => {
    last = Date.now();
    notifyDeliveryWorkers(db).catch((error: unknown) =>
      logger.warn('waking the delivery workers failed', describeError(error)),
    );
  };
  return () => {
    if (pending) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) {
      send();
      return;
    }
    pending = setTimeout(() => {
      pending = undefined;
      send();
    }, wait);
    pending.unref();
  };
}
