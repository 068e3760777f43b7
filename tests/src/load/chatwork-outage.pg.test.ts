import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAccount } from '../support/index';
import {
  allArrived,
  answers,
  auditDeliveries,
  botAccount,
  type LimitedChatwork,
  MESSAGE_POST_PATH,
  messagesOf,
  RelayCluster,
  roomIds,
  SCALED_LIMITS,
  sendNotifications,
  spreadOverRooms,
  startLimitedChatwork,
} from './harness/index';
import { deliveryRows, openLoadDatabase, reportOnFailure, statusCounts, waitUntil } from './harness/vitest-support';

const TOKEN = 'cw-outage';
const OUTAGE_MS = 5_000;
const MAX_ATTEMPTS = 8;

describe('a ChatWork outage', () => {
  let database: Awaited<ReturnType<typeof openLoadDatabase>>;
  let chatwork: LimitedChatwork | undefined;
  let cluster: RelayCluster | undefined;

  beforeAll(async () => {
    database = await openLoadDatabase();
  });
  afterAll(async () => {
    await cluster?.close();
    await chatwork?.fake.close();
    await database?.close();
  });

  it('ends with everything delivered once ChatWork is back, nothing failed and nothing twice', async () => {
    const limited = await startLimitedChatwork(SCALED_LIMITS);
    chatwork = limited;
    const { fake } = limited;
    const rooms = roomIds(3400, 8);
    fake.addAccount(botAccount(TOKEN, '902', rooms));
    const relays = await RelayCluster.start({
      databaseUrl: database.url,
      chatworkUrl: fake.url,
      instances: 2,
      // The retry backoff scaled down with the limits: first retry after ~250 ms instead of 5 s,
      // doubling each time, 8 attempts at most.
      env: { ...limited.relayEnv, DELIVERY_RETRY_BASE_MS: '250' },
    });
    cluster = relays;
    reportOnFailure(() => relays.describe());
    const account = await connectAccount(relays.next().url, TOKEN);

    fake.injectFault({ kind: 'status', status: 503, path: MESSAGE_POST_PATH });
    const outageStarted = Date.now();
    const sent = await sendNotifications(spreadOverRooms(1, 30, rooms), {
      connectionKey: account.connectionKey,
      target: () => relays.next().url,
    });
    expect(sent.failures).toEqual([]);
    await waitUntil(() => Date.now() - outageStarted >= OUTAGE_MS && answers(fake, 503) >= 10, {
      timeoutMs: OUTAGE_MS + 10_000,
      what: 'ChatWork answering 503 for a while',
    });
    const during = await deliveryRows(database, rooms);
    // Still waiting to try again, not given up.
    expect(during.filter((row) => row.status === 'failed')).toEqual([]);
    expect(during.some((row) => row.errorCode === 'chatwork_unavailable')).toBe(true);
    fake.clearFaults();
    const recoveredFrom = Date.now();

    const bodies = () => messagesOf(fake, TOKEN).map((message) => message.body);
    await waitUntil(() => allArrived(sent.accepted, bodies()), {
      timeoutMs: 30_000,
      what: 'every record in ChatWork after the outage',
      status: () => `missing ${auditDeliveries(sent.accepted, bodies()).lost.length}`,
    });
    await waitUntil(async () => (await deliveryRows(database, rooms)).every((row) => row.status === 'delivered'), {
      timeoutMs: 10_000,
      what: 'every delivery recorded as delivered',
      status: async () => JSON.stringify(statusCounts(await deliveryRows(database, rooms))),
    });
    const drainedMs = Date.now() - recoveredFrom;

    const audit = auditDeliveries(sent.accepted, bodies());
    expect(audit.lost).toEqual([]);
    // A 503 posts nothing, so retrying it can never duplicate a message.
    expect(audit.duplicated).toEqual([]);
    const rows = await deliveryRows(database, rooms);
    expect(rows).toHaveLength(30);
    expect(rows.every((row) => row.status === 'delivered' && row.body === null)).toBe(true);
    const attempts = rows.map((row) => row.attempts);
    expect(Math.max(...attempts)).toBeGreaterThan(1);
    expect(Math.max(...attempts)).toBeLessThan(MAX_ATTEMPTS);
    expect(answers(fake, 429)).toBe(0);
    console.info(
      `ChatWork outage of ${OUTAGE_MS / 1000} s: ${answers(fake, 503)} answers of 503, ` +
        `attempts per delivery max ${Math.max(...attempts)}, all 30 delivered ${(drainedMs / 1000).toFixed(1)} s after recovery`,
    );
  });
});
