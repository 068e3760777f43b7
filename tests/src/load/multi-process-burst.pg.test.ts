import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAccount } from '../support/index';
import {
  allArrived,
  answers,
  auditDeliveries,
  botAccount,
  type LimitedChatwork,
  messagesOf,
  RelayCluster,
  roomIds,
  SCALED_LIMITS,
  sendNotifications,
  spreadOverRooms,
  startLimitedChatwork,
} from './harness/index';
import { deliveryRows, openLoadDatabase, reportOnFailure, statusCounts, waitUntil } from './harness/vitest-support';

// Real relay processes on one PostgreSQL database against the ChatWork fake, under ChatWork's
// limits scaled down in time (SCALED_LIMITS in harness/limited-chatwork.ts).
const NOTIFICATIONS = 120;
const ROOMS = 8;

describe('three relay processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof openLoadDatabase>>;
  let chatwork: LimitedChatwork | undefined;
  let cluster: RelayCluster | undefined;

  beforeAll(async () => {
    database = await openLoadDatabase();
  });
  afterEach(async () => {
    await cluster?.close();
    await chatwork?.fake.close();
    cluster = undefined;
    chatwork = undefined;
  });
  afterAll(async () => {
    await database?.close();
  });

  async function burst(options: { token: string; firstRoom: number; digestThreshold: number }) {
    const limited = await startLimitedChatwork(SCALED_LIMITS);
    chatwork = limited;
    const rooms = roomIds(options.firstRoom, ROOMS);
    limited.fake.addAccount(botAccount(options.token, '900', rooms));
    const relays = await RelayCluster.start({
      databaseUrl: database.url,
      chatworkUrl: limited.fake.url,
      instances: 3,
      env: { ...limited.relayEnv, DIGEST_THRESHOLD: String(options.digestThreshold) },
    });
    cluster = relays;
    reportOnFailure(() => relays.describe());

    const account = await connectAccount(relays.next().url, options.token);
    const sent = await sendNotifications(spreadOverRooms(1, NOTIFICATIONS, rooms), {
      connectionKey: account.connectionKey,
      target: () => relays.next().url,
    });
    expect(sent.failures).toEqual([]);
    expect(sent.accepted).toHaveLength(NOTIFICATIONS);

    const bodies = () => messagesOf(limited.fake, options.token).map((message) => message.body);
    await waitUntil(() => allArrived(sent.accepted, bodies()), {
      timeoutMs: 50_000,
      what: `all ${NOTIFICATIONS} records in ChatWork`,
      status: () => `${auditDeliveries(sent.accepted, bodies()).lost.length} missing`,
    });
    // ChatWork has each message a moment before its worker records the outcome.
    await waitUntil(async () => (await deliveryRows(database, rooms)).every((row) => row.status === 'delivered'), {
      timeoutMs: 10_000,
      what: 'every delivery recorded as delivered',
      status: async () => JSON.stringify(statusCounts(await deliveryRows(database, rooms))),
    });

    const audit = auditDeliveries(sent.accepted, bodies());
    expect(audit.lost).toEqual([]);
    expect(audit.duplicated).toEqual([]);
    expect(answers(limited.fake, 429)).toBe(0);
    const rows = await deliveryRows(database, rooms);
    expect(rows).toHaveLength(NOTIFICATIONS);
    expect(rows.filter((row) => row.status === 'delivered' && row.body === null && row.chatworkMessageId)).toHaveLength(
      NOTIFICATIONS,
    );
    return { posts: messagesOf(limited.fake, options.token), attempts: relays.countMessages('delivery attempt') };
  }

  it('delivers a burst over 8 rooms one message per record: none lost, none twice, no 429', async () => {
    const { posts, attempts } = await burst({ token: 'cw-burst-single', firstRoom: 3100, digestThreshold: 0 });
    expect(posts).toHaveLength(NOTIFICATIONS);
    // The queue is shared: every process took part.
    expect(attempts.every((count) => count > 0)).toBe(true);
    console.info(`burst without digests: posts ${posts.length}, delivery attempts per process ${attempts.join('/')}`);
  });

  it('delivers the same burst with digests: every record in exactly one post, no 429', async () => {
    const { posts, attempts } = await burst({ token: 'cw-burst-digest', firstRoom: 3200, digestThreshold: 5 });
    expect(posts.length).toBeLessThan(NOTIFICATIONS);
    expect(posts.some((post) => post.body.includes('[hr]'))).toBe(true);
    console.info(`burst with digests: posts ${posts.length}, delivery attempts per process ${attempts.join('/')}`);
  });
});
