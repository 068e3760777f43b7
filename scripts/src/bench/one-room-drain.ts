import type { RateLimitSetting } from '../../../tests/src/chatwork-fake/index';
import {
  allArrived,
  answers,
  auditDeliveries,
  botAccount,
  sendNotifications,
  spreadOverRooms,
  startLimitedChatwork,
} from '../../../tests/src/load/harness/index';
import { startBenchRelay } from './bench-relay';
import { processCpuSeconds } from './cpu-time';

export interface DrainRun {
  digests: boolean;
  saves: number;
  /** From the first save sent until the relay had accepted the last one. */
  enqueueMs: number;
  /** From the first save sent until ChatWork had every record. */
  drainMs: number;
  posts: number;
  answers429: number;
  duplicates: number;
  /** `deliveries` row updates per save (claims, releases and outcomes; the insert not counted). */
  rowUpdatesPerSave: number;
  /** CPU seconds the relay process used from the first save until the room was drained. */
  relayCpuSeconds: number;
}

export interface OneRoomDrain {
  roomLimit: RateLimitSetting;
  digestThreshold: number;
  digestMaxMessages: number;
  runs: DrainRun[];
}

const ROOM = '4200';
// The per-token limit is set out of the way: this part is about one room's limit.
const TOKEN_LIMIT: RateLimitSetting = { requests: 100_000, windowMs: 1_000 };
const DIGEST_THRESHOLD = 5;
const DIGEST_MAX_MESSAGES = 50;

async function drainOnce(saves: number, roomLimit: RateLimitSetting, digests: boolean): Promise<DrainRun> {
  const token = `cw-bench-drain-${digests ? 'digest' : 'single'}`;
  const { fake, relayEnv } = await startLimitedChatwork({ token: TOKEN_LIMIT, room: roomLimit });
  fake.addAccount(botAccount(token, '952', [ROOM]));
  const bench = await startBenchRelay({
    label: digests ? 'drain_digest' : 'drain_single',
    fake,
    chatworkToken: token,
    env: {
      ...relayEnv,
      DIGEST_THRESHOLD: digests ? String(DIGEST_THRESHOLD) : '0',
      DIGEST_MAX_MESSAGES: String(DIGEST_MAX_MESSAGES),
    },
  });
  try {
    const before = await bench.database.counters();
    const cpuBefore = processCpuSeconds(bench.relay.pid);
    const started = Date.now();
    const sent = await sendNotifications(spreadOverRooms(1, saves, [ROOM]), {
      connectionKey: bench.account.connectionKey,
      target: () => bench.relay.url,
      concurrency: 16,
    });
    const enqueueMs = Date.now() - started;
    if (sent.failures.length > 0) throw new Error(`the relay refused notifications: ${sent.failures[0]}`);
    const bodies = () => fake.messages(ROOM).map((message) => message.body);
    const deadline = started + 180_000;
    while (!allArrived(sent.accepted, bodies())) {
      if (Date.now() > deadline)
        throw new Error(`one room did not drain within 180 s (${fake.messages(ROOM).length} posts)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const relayCpuSeconds = processCpuSeconds(bench.relay.pid) - cpuBefore;
    const after = await bench.database.counters();
    const messages = fake.messages(ROOM);
    const lastArrival = Math.max(...messages.map((message) => message.receivedAt));
    return {
      digests,
      saves,
      enqueueMs,
      drainMs: lastArrival - started,
      posts: messages.length,
      answers429: answers(fake, 429),
      duplicates: auditDeliveries(sent.accepted, bodies()).extraCopies,
      rowUpdatesPerSave: (after.deliveryUpdates - before.deliveryUpdates) / saves,
      relayCpuSeconds,
    };
  } finally {
    await bench.close();
    await fake.close();
  }
}

/** (c) 1,000 saves into one room: how long until ChatWork has them all, with digests and without. */
export async function measureOneRoomDrain(options: {
  saves: number;
  roomLimit: RateLimitSetting;
}): Promise<OneRoomDrain> {
  const runs: DrainRun[] = [];
  for (const digests of [false, true]) runs.push(await drainOnce(options.saves, options.roomLimit, digests));
  return {
    roomLimit: options.roomLimit,
    digestThreshold: DIGEST_THRESHOLD,
    digestMaxMessages: DIGEST_MAX_MESSAGES,
    runs,
  };
}
