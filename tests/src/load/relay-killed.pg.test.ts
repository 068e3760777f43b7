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

const TOKEN = 'cw-kill';
const WORKERS_PER_PROCESS = 2;
const LEASE_SECONDS = 15;

describe('a relay process killed in the middle of a burst', () => {
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

  it('loses nothing: its claims are taken over once their lease runs out', async () => {
    const limited = await startLimitedChatwork(SCALED_LIMITS);
    chatwork = limited;
    const { fake } = limited;
    const rooms = roomIds(3300, 8);
    fake.addAccount(botAccount(TOKEN, '901', rooms));
    const relays = await RelayCluster.start({
      databaseUrl: database.url,
      chatworkUrl: fake.url,
      instances: 2,
      env: {
        ...limited.relayEnv,
        // One record per post, so a repeated post shows up as exactly one duplicated record.
        DIGEST_THRESHOLD: '0',
        DELIVERY_WORKERS: String(WORKERS_PER_PROCESS),
        DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
      },
    });
    cluster = relays;
    reportOnFailure(() => relays.describe());
    const account = await connectAccount(relays.next().url, TOKEN);
    const send = (first: number, count: number) =>
      sendNotifications(spreadOverRooms(first, count, rooms), {
        connectionKey: account.connectionKey,
        target: () => relays.next().url,
      });

    // A slow ChatWork (1 s per post) keeps every worker in the middle of a post most of the time.
    fake.injectFault({ kind: 'delay', ms: 1_000, path: MESSAGE_POST_PATH });
    const before = await send(1, 40);
    expect(before.failures).toEqual([]);
    const sending = async () => (await deliveryRows(database, rooms)).filter((row) => row.status === 'sending').length;
    // All four workers holding a claim: the victim's two are certainly among them.
    await waitUntil(async () => messagesOf(fake, TOKEN).length >= 5 && (await sending()) >= 2 * WORKERS_PER_PROCESS, {
      timeoutMs: 20_000,
      intervalMs: 20,
      what: 'every worker in the middle of a post',
    });
    const [victim] = relays.processes;
    if (!victim) throw new Error('no relay process');
    const exit = await victim.kill('SIGKILL');
    const killedAt = Date.now();
    expect(exit.signal).toBe('SIGKILL');
    fake.clearFaults();
    await relays.add();
    const after = await send(41, 20);
    expect(after.failures).toEqual([]);

    const accepted = [...before.accepted, ...after.accepted];
    expect(accepted).toHaveLength(60);
    const bodies = () => messagesOf(fake, TOKEN).map((message) => message.body);
    await waitUntil(() => allArrived(accepted, bodies()), {
      timeoutMs: 45_000,
      what: 'every accepted record in ChatWork',
      status: () => `missing ${auditDeliveries(accepted, bodies()).lost.join(', ')}`,
    });
    // A post cut off by the kill can still reach ChatWork, so every record may be there while the
    // killed process's row stays `sending` until its lease runs out and another worker takes it.
    await waitUntil(async () => (await deliveryRows(database, rooms)).every((row) => row.status === 'delivered'), {
      timeoutMs: LEASE_SECONDS * 1_000 + 15_000,
      what: 'every delivery recorded as delivered',
      status: async () => JSON.stringify(statusCounts(await deliveryRows(database, rooms))),
    });
    const recoveredAfterMs = Date.now() - killedAt;

    const audit = auditDeliveries(accepted, bodies());
    expect(audit.lost).toEqual([]);
    // At least once: a post in flight at the kill may reach ChatWork and be sent again after the
    // takeover. At most one such post per worker of the killed process.
    expect(audit.extraCopies).toBeLessThanOrEqual(1 * WORKERS_PER_PROCESS);
    const rows = await deliveryRows(database, rooms);
    expect(rows).toHaveLength(60);
    expect(rows.every((row) => row.status === 'delivered' && row.body === null)).toBe(true);
    // The killed process's claims were claimed again (a second attempt) once their lease ran out.
    const takenOver = rows.filter((row) => row.attempts >= 2);
    expect(takenOver.length).toBeGreaterThanOrEqual(1);
    expect(recoveredAfterMs).toBeGreaterThanOrEqual((LEASE_SECONDS - 2) * 1_000);
    expect(answers(fake, 429)).toBe(0);
    console.info(
      `SIGKILL during a burst: 60 accepted, 0 lost, ${audit.extraCopies} duplicate(s) ` +
        `(records ${audit.duplicated.map((entry) => entry.recordId).join(', ') || 'none'}), ` +
        `${takenOver.length} delivery(ies) taken over after the ${LEASE_SECONDS} s lease; ` +
        `all delivered ${(recoveredAfterMs / 1000).toFixed(1)} s after the kill`,
    );
  });
});
