import type { Db } from '@k2c/db';
import type { Env } from '../env';
import type { Logger } from '../logger';
import type { PeriodicJob } from '../maintenance/periodic-jobs';
import { deleteExpiredPasswordResets } from '../queries/password-resets';
import { deleteCountersBefore } from '../queries/request-counters';
import { deleteExpiredSessions } from '../queries/sessions';

const HOUR_MS = 60 * 60_000;

type LimitSettings = Pick<
  Env,
  'TENANT_RATE_LIMIT' | 'IP_RATE_LIMIT' | 'LOGIN_FAILURES_PER_EMAIL' | 'LOGIN_FAILURES_PER_IP'
>;

/** Windows that started longer ago than this are over whatever the configured limits are. */
export function counterRetentionMs(env: LimitSettings): number {
  const windows = [env.TENANT_RATE_LIMIT, env.IP_RATE_LIMIT, env.LOGIN_FAILURES_PER_EMAIL, env.LOGIN_FAILURES_PER_IP]
    .filter((limit) => limit !== undefined)
    .map((limit) => limit.windowMs);
  return Math.max(HOUR_MS, ...windows);
}

/**
 * Hourly: deletes request-counter windows older than an hour (or the longest configured window)
 * reset links that expired more than a day ago (used or not; they can never work again) and
 * sessions past their expiry.
 */
export function authCleanupJob(db: Db, env: LimitSettings, logger: Logger): PeriodicJob {
  return {
    name: 'auth-cleanup',
    // A little under the check interval, so the job runs at every hourly check.
    periodMs: HOUR_MS - 5 * 60_000,
    run: async () => {
      const now = Date.now();
      const counters = await deleteCountersBefore(db, new Date(now - counterRetentionMs(env)));
      const resets = await deleteExpiredPasswordResets(db, new Date(now - 24 * HOUR_MS));
      const sessions = await deleteExpiredSessions(db, new Date(now));
      logger.info('auth cleanup', {
        countersDeleted: counters,
        passwordResetsDeleted: resets,
        sessionsDeleted: sessions,
      });
    },
  };
}
