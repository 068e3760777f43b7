import { bucketSpec } from '../../../relay/src/delivery/rate-buckets';
import type { RateLimitSetting } from '../../../tests/src/chatwork-fake/index';
import {
  botAccount,
  MESSAGE_POST_PATH,
  roomIds,
  scaledSlackMs,
  sendNotifications,
  spreadOverRooms,
  startLimitedChatwork,
} from '../../../tests/src/load/harness/index';
import { startBenchRelay } from './bench-relay';
import { postgresCpuSeconds, processCpuSeconds } from './cpu-time';

export interface LimitUtilisation {
  tokenLimit: RateLimitSetting;
  roomLimit: RateLimitSetting;
  rooms: number;
  windows: number;
  queued: number;
  /** Posts ChatWork accepted within the measured windows, and what it would have allowed. */
  posts: number;
  allowed: number;
  postsPerSecond: number;
  allowedPerSecond: number;
  utilisation: number;
  answers429: number;
  otherErrors: number;
  /** Database work per post during the burst: transactions and `deliveries` row updates. */
  commitsPerPost: number;
  deliveryUpdatesPerPost: number;
  /** Share of one CPU the relay process and PostgreSQL used while the burst was waiting on the limit. */
  relayCpuShare: number;
  postgresCpuShare: number;
  /** What the relay's token bucket allows at best over the same span, here and at ChatWork's real 300/300s. */
  modelUtilisation: number;
  modelUtilisationAtRealScale: number;
}

/** The most a token bucket sized by the relay's `bucketSpec` lets through in `windows` windows, as a share of the limit. */
export function bucketCeiling(limit: RateLimitSetting, windows: number): number {
  const spec = bucketSpec('model', limit, scaledSlackMs(limit));
  const spanSeconds = (limit.windowMs * windows) / 1000;
  return Math.min(1, (spec.capacity + spec.refillPerSecond * spanSeconds) / (limit.requests * windows));
}

const TOKEN = 'cw-bench-limit';

/**
 * (b) How much of ChatWork's per-token budget a long burst uses. The backlog is spread over many
 * rooms so the per-token limit binds and the per-room one does not; digests are off so every
 * message is one post. Measured from ChatWork's first post over `windows` whole windows.
 */
export async function measureLimitUtilisation(options: {
  tokenLimit: RateLimitSetting;
  roomLimit: RateLimitSetting;
  rooms: number;
  windows: number;
}): Promise<LimitUtilisation> {
  const { fake, relayEnv } = await startLimitedChatwork({ token: options.tokenLimit, room: options.roomLimit });
  const rooms = roomIds(4100, options.rooms);
  fake.addAccount(botAccount(TOKEN, '951', rooms));
  const bench = await startBenchRelay({
    label: 'limit',
    fake,
    chatworkToken: TOKEN,
    env: { ...relayEnv, DIGEST_THRESHOLD: '0' },
  });
  try {
    const allowed = options.tokenLimit.requests * options.windows;
    // A third more than ChatWork could take in the span: the queue never runs dry.
    const queued = Math.ceil(allowed * 1.3);
    const sent = await sendNotifications(spreadOverRooms(1, queued, rooms), {
      connectionKey: bench.account.connectionKey,
      target: () => bench.relay.url,
      concurrency: 16,
    });
    if (sent.failures.length > 0) throw new Error(`the relay refused notifications: ${sent.failures[0]}`);
    // Database work is counted once everything is queued, so it is the delivery side's alone.
    const queuedAt = Date.now();
    const before = await bench.database.counters();
    const cpuBefore = { relay: processCpuSeconds(bench.relay.pid), postgres: postgresCpuSeconds() };
    const spanMs = options.tokenLimit.windowMs * options.windows;
    const firstPost = await fake.waitForMessages(1, { timeoutMs: 10_000 });
    const from = firstPost[0]?.receivedAt ?? Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, from + spanMs - Date.now()) + 200));
    const after = await bench.database.counters();
    const countedTo = Date.now();
    const cpuSeconds = (countedTo - queuedAt) / 1000;
    const relayCpuShare = (processCpuSeconds(bench.relay.pid) - cpuBefore.relay) / cpuSeconds;
    const postgresCpuShare = (postgresCpuSeconds() - cpuBefore.postgres) / cpuSeconds;
    const postsSinceQueued = fake
      .requests()
      .filter(
        (request) =>
          request.token === TOKEN &&
          request.status === 200 &&
          MESSAGE_POST_PATH.test(request.path) &&
          request.time >= queuedAt &&
          request.time <= countedTo,
      ).length;
    const inSpan = fake
      .requests()
      .filter((request) => request.token === TOKEN && request.time >= from && request.time < from + spanMs);
    const posts = inSpan.filter((request) => request.status === 200 && MESSAGE_POST_PATH.test(request.path)).length;
    const answers429 = inSpan.filter((request) => request.status === 429).length;
    const otherErrors = inSpan.filter((request) => request.status !== 200 && request.status !== 429).length;
    return {
      tokenLimit: options.tokenLimit,
      roomLimit: options.roomLimit,
      rooms: options.rooms,
      windows: options.windows,
      queued,
      posts,
      allowed,
      postsPerSecond: posts / (spanMs / 1000),
      allowedPerSecond: allowed / (spanMs / 1000),
      utilisation: posts / allowed,
      answers429,
      otherErrors,
      commitsPerPost: (after.commits - before.commits) / Math.max(1, postsSinceQueued),
      deliveryUpdatesPerPost: (after.deliveryUpdates - before.deliveryUpdates) / Math.max(1, postsSinceQueued),
      relayCpuShare,
      postgresCpuShare,
      modelUtilisation: bucketCeiling(options.tokenLimit, options.windows),
      modelUtilisationAtRealScale: bucketCeiling({ requests: 300, windowMs: 300_000 }, options.windows),
    };
  } finally {
    await bench.close();
    await fake.close();
  }
}
