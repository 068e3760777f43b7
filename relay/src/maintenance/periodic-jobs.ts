import { type Db, scheduledJobs } from '@k2c/db';
import { sql } from '@k2c/db/operators';
import { describeError, type Logger } from '../logger';

export interface PeriodicJob {
  name: string;
  periodMs: number;
  run(): Promise<void>;
}

/**
 * Moves the job's last start forward if a period has passed; true for exactly one caller across
 * all relay instances, which then runs the job.
 */
export async function claimPeriodicRun(db: Db, name: string, periodMs: number): Promise<boolean> {
  const rows = await db
    .insert(scheduledJobs)
    .values({ name, lastStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: scheduledJobs.name,
      set: { lastStartedAt: sql`now()` },
      setWhere: sql`${scheduledJobs.lastStartedAt} <= now() - make_interval(secs => ${periodMs / 1000}::double precision)`,
    })
    .returning({ name: scheduledJobs.name });
  return rows.length > 0;
}

/** Looks every `checkEveryMs` whether a job is due; timers are unref'd so they never keep a process alive. */
export class PeriodicJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly jobs: PeriodicJob[],
    private readonly checkEveryMs = 60 * 60_000,
  ) {}

  start(): void {
    const check = () => {
      this.running = this.running.then(() => this.runDue());
    };
    check();
    this.timer = setInterval(check, this.checkEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async runDue(): Promise<void> {
    for (const job of this.jobs) {
      try {
        if (!(await claimPeriodicRun(this.db, job.name, job.periodMs))) continue;
        const started = Date.now();
        await job.run();
        this.logger.info('periodic job done', { job: job.name, ms: Date.now() - started });
      } catch (error) {
        this.logger.error('periodic job failed', { job: job.name, ...describeError(error) });
      }
    }
  }
}
