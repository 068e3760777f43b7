import { chatworkRoomMembers, type Db } from '@k2c/db';
import { lt } from '@k2c/db/operators';
import type { Logger } from '../logger';
import { deleteClosedInquiriesBefore, purgeTenant, tenantsDueForPurge } from '../queries/account-data';
import { eraseFailedBodiesPastRetryWindow } from '../queries/deliveries';
import { deleteExpiredDeliveries, deliveryRetentionCutoff } from './delete-expired-deliveries';
import type { PeriodicJob } from './periodic-jobs';

const DAY_MS = 24 * 60 * 60_000;

/** Called for each tenant just before it is purged (billing removes the payment customer). */
export type BeforePurge = (tenantId: string) => Promise<void>;

function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * The retention promises of the privacy page, as daily jobs: the notification log 12 months,
 * failed messages' bodies 7 days, inquiries 24 months after closing, cached ChatWork member
 * names a day, and deleted accounts purged 30 days after the request.
 */
export function privacyJobs(db: Db, logger: Logger, beforePurge: BeforePurge = async () => {}): PeriodicJob[] {
  const daily = (name: string, run: (now: Date) => Promise<Record<string, number>>): PeriodicJob => ({
    name,
    periodMs: DAY_MS,
    run: async () => logger.info('retention', { job: name, ...(await run(new Date())) }),
  });
  return [
    daily('delivery-retention', async (now) => ({
      deleted: await deleteExpiredDeliveries(db, { cutoff: deliveryRetentionCutoff(now) }),
      bodiesErased: await eraseFailedBodiesPastRetryWindow(db, now),
    })),
    daily('inquiry-retention', async (now) => ({
      deleted: await deleteClosedInquiriesBefore(db, monthsBefore(now, 24)),
    })),
    daily('member-name-cache', async (now) => {
      const rows = await db
        .delete(chatworkRoomMembers)
        .where(lt(chatworkRoomMembers.fetchedAt, new Date(now.getTime() - DAY_MS)))
        .returning({ roomId: chatworkRoomMembers.roomId });
      return { deleted: rows.length };
    }),
    daily('account-purge', async (now) => {
      let purged = 0;
      for (;;) {
        const due = await tenantsDueForPurge(db, now);
        for (const { id } of due) {
          await beforePurge(id);
          await purgeTenant(db, id);
          purged += 1;
        }
        if (due.length === 0) return { purged };
      }
    }),
  ];
}
