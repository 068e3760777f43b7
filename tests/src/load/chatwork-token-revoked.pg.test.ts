import { describe, expect, it } from 'vitest';
import { allArrived, answers, auditDeliveries, botAccount, messagesOf } from './harness/index';
import { loadScenario } from './harness/load-scenario';
import { type DeliveryRow, statusCounts, waitUntil } from './harness/vitest-support';

const OLD_TOKEN = 'cw-revoked-old';
const NEW_TOKEN = 'cw-revoked-new';
const PROCESSES = 2;
const WORKERS_PER_PROCESS = 2;

describe('a ChatWork token revoked while the relays run', () => {
  const scenario = loadScenario();

  it('holds deliveries without spending attempts, then sends them with the new token', async () => {
    const run = await scenario.start({
      token: OLD_TOKEN,
      accountId: '903',
      firstRoom: 3500,
      roomCount: 4,
      instances: PROCESSES,
      env: { DELIVERY_WORKERS: String(WORKERS_PER_PROCESS) },
    });
    const { fake, relays, account, rooms, send } = run;
    const rowsOf = async (first: number, last: number) =>
      (await run.rows()).filter((row) => Number(row.recordId) >= first && Number(row.recordId) <= last);
    const all = (rows: DeliveryRow[], status: DeliveryRow['status']) =>
      rows.length > 0 && rows.every((row) => row.status === status);

    // 1. Normal service with the first token.
    const early = await send(1, 10);
    expect(early.failures).toEqual([]);
    await waitUntil(async () => all(await rowsOf(1, 10), 'delivered'), {
      timeoutMs: 15_000,
      what: 'the first 10 delivered',
    });

    // 2. The token is re-issued in ChatWork: the old one stops working at once.
    fake.revokeToken(OLD_TOKEN);
    const held = await send(11, 20);
    expect(held.failures).toEqual([]);
    expect(held.accepted).toHaveLength(20);
    await waitUntil(async () => all(await rowsOf(11, 30), 'held'), {
      timeoutMs: 15_000,
      what: 'the next 20 held',
      status: async () => JSON.stringify(statusCounts(await rowsOf(11, 30))),
    });
    const rejectedPosts = answers(fake, 401);
    // Only posts already under way when ChatWork started refusing reach it; the rest wait unsent.
    expect(rejectedPosts).toBeGreaterThanOrEqual(1);
    expect(rejectedPosts).toBeLessThanOrEqual(PROCESSES * WORKERS_PER_PROCESS);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const waiting = await rowsOf(11, 30);
    expect(all(waiting, 'held')).toBe(true);
    expect(waiting.every((row) => row.attempts === 0 && row.body !== null)).toBe(true);
    expect(waiting.every((row) => row.errorCode === 'chatwork_token_invalid')).toBe(true);
    // Held means held: no retries against ChatWork while waiting for a new token.
    expect(answers(fake, 401)).toBe(rejectedPosts);

    // 3. The administrator connects the new token through the account API (another process).
    fake.addAccount(botAccount(NEW_TOKEN, '904', rooms));
    const response = await fetch(`${relays.next().url}/api/chatwork-token`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: account.cookie },
      body: JSON.stringify({ token: NEW_TOKEN }),
    });
    expect(response.status).toBe(200);

    const sentWithNewToken = () => messagesOf(fake, NEW_TOKEN).map((message) => message.body);
    await waitUntil(() => allArrived(held.accepted, sentWithNewToken()), {
      timeoutMs: 20_000,
      what: 'the held records sent with the new token',
    });
    // Records 1…30 are every row in this test's rooms.
    await run.waitAllDelivered({ timeoutMs: 10_000 });

    const everything = [...fake.messages()].map((message) => message.body);
    const audit = auditDeliveries([...early.accepted, ...held.accepted], everything);
    expect(audit.lost).toEqual([]);
    expect(audit.duplicated).toEqual([]);
    const resumed = await rowsOf(11, 30);
    // The hold refunded the attempt: one attempt each, the one that succeeded.
    expect(resumed.every((row) => row.attempts === 1 && row.body === null)).toBe(true);
    expect(answers(fake, 429)).toBe(0);
    console.info(
      `revoked token: 20 held (${rejectedPosts} post(s) answered 401, 0 attempts spent), ` +
        'all 20 delivered with the new token',
    );
  });
});
