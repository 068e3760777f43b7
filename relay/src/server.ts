import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Database, openDb } from '@k2c/db';
import { createApp } from './app';
import { authCleanupJob } from './auth/cleanup-job';
import { removeStripeCustomer } from './billing/account-closure';
import { createStripe } from './billing/stripe-client';
import { ChatworkClient } from './chatwork/chatwork-client';
import { loadKeyring } from './crypto/encryption-keys';
import { defaultRetryPolicy, type RetryPolicy } from './delivery/classify-post-result';
import { DeliveryWorker } from './delivery/delivery-worker';
import type { Env } from './env';
import { createLogger, type Logger } from './logger';
import { createMailer } from './mail/mailer';
import { PeriodicJobs } from './maintenance/periodic-jobs';
import { privacyJobs } from './maintenance/privacy-jobs';

export interface StartRelayOptions {
  env: Env;
  logger?: Logger;
  /** An already open database (tests); otherwise one is opened from the settings and closed on exit. */
  database?: Database;
  /** Delivery workers in this process (default DELIVERY_WORKERS); 0 makes an API-only instance. */
  workers?: number;
  pollIntervalMs?: number;
  retryPolicy?: RetryPolicy;
  /** The built plug-in, served at /download/plugin.zip. */
  pluginZipPath?: string;
  /** How long shutdown waits for requests and posts in flight before cutting them off. */
  shutdownTimeoutMs?: number;
  /** The relay's clock (sessions, usage months, grace periods); tests move it along with Stripe's. */
  now?: () => Date;
}

export interface RunningRelay {
  url: string;
  database: Database;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** Opens the database, serves the HTTP app and runs the delivery workers: one relay instance. */
export async function startRelay(options: StartRelayOptions): Promise<RunningRelay> {
  const { env } = options;
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const { keyring, generatedAt } = loadKeyring(env);
  if (generatedAt)
    logger.warn('generated an encryption key for stored ChatWork tokens; keep it with the data', { path: generatedAt });
  const database = options.database ?? (await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  const chatwork = new ChatworkClient({ baseUrl: env.CHATWORK_API_URL });
  const mailer = createMailer(env, logger);
  if (env.NODE_ENV === 'production' && !env.SMTP_URL)
    logger.warn('SMTP_URL is unset: password-reset mail, link included, is written to this log instead of sent');
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL)
    logger.warn('PUBLIC_URL is unset: no password-reset mail is sent and session cookies are not Secure');
  const stripe = createStripe(env);
  const app = createApp({
    db: database.db,
    env,
    keyring,
    chatwork,
    logger,
    mailer,
    stripe,
    now: options.now ?? (() => new Date()),
    pluginZipPath: options.pluginZipPath,
  });

  const workers = Array.from(
    { length: options.workers ?? env.DELIVERY_WORKERS },
    () =>
      new DeliveryWorker({
        database,
        chatwork,
        keyring,
        logger,
        tokenRateLimit: env.CHATWORK_RATE_LIMIT,
        roomRateLimit: env.CHATWORK_ROOM_RATE_LIMIT,
        limitSlackMs: env.CHATWORK_LIMIT_SLACK_MS,
        digest:
          env.DIGEST_THRESHOLD > 0
            ? { threshold: env.DIGEST_THRESHOLD, maxMessages: env.DIGEST_MAX_MESSAGES }
            : undefined,
        leaseMs: env.DELIVERY_LEASE_SECONDS * 1000,
        ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
        retryPolicy: options.retryPolicy ?? { ...defaultRetryPolicy, baseDelayMs: env.DELIVERY_RETRY_BASE_MS },
      }),
  );
  await Promise.all(workers.map((worker) => worker.start()));
  const periodicJobs = new PeriodicJobs(database.db, logger, [
    ...privacyJobs(database.db, logger, stripe ? removeStripeCustomer({ db: database.db, stripe, logger }) : undefined),
    authCleanupJob(database.db, env, logger),
  ]);
  periodicJobs.start();

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  logger.info('relay listening', { url, driver: database.driver, workers: workers.length });

  let closing: Promise<void> | undefined;
  const close = async () => {
    const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
    // 1. Stop accepting; requests in flight may finish within the timeout.
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    const forceTimer = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, timeoutMs);
    await serverClosed;
    clearTimeout(forceTimer);
    // 2. Workers finish the post in flight and release what they claimed but did not send.
    await Promise.all([...workers.map((worker) => worker.stop()), periodicJobs.stop(), mailer.close()]);
    // 3. The database last, and only if this instance opened it.
    if (!options.database) await database.close();
    logger.info('relay stopped');
  };
  return {
    url,
    database,
    app,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
