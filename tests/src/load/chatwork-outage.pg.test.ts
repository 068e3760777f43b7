import { describe, expect, it } from 'vitest';
import { answers, auditDeliveries, MESSAGE_POST_PATH } from './harness/index';
import { loadScenario } from './harness/load-scenario';
import { waitUntil } from './harness/vitest-support';

const OUTAGE_MS = 5_000;
const MAX_ATTEMPTS = 8;

describe('a ChatWork outage', () => {
  const scenario = loadScenario();

  it('ends with everything delivered once ChatWork is back, nothing failed and nothing twice', async () => {
    const run = await scenario.start({
      token: 'cw-outage',
      accountId: '902',
      firstRoom: 3400,
      roomCount: 8,
      instances: 2,
      // The retry backoff scaled down with the limits: first retry after ~250 ms instead of 5 s,
      // doubling each time, 8 attempts at most.
      env: { DELIVERY_RETRY_BASE_MS: '250' },
    });
    const { fake } = run;

    fake.injectFault({ kind: 'status', status: 503, path: MESSAGE_POST_PATH });
    const outageStarted = Date.now();
    const sent = await run.send(1, 30);
    expect(sent.failures).toEqual([]);
    await waitUntil(() => Date.now() - outageStarted >= OUTAGE_MS && answers(fake, 503) >= 10, {
      timeoutMs: OUTAGE_MS + 10_000,
      what: 'ChatWork answering 503 for a while',
    });
    const during = await run.rows();
    // Still waiting to try again, not given up.
    expect(during.filter((row) => row.status === 'failed')).toEqual([]);
    expect(during.some((row) => row.errorCode === 'chatwork_unavailable')).toBe(true);
    fake.clearFaults();
    const recoveredFrom = Date.now();

    await run.waitForArrival(sent.accepted, { timeoutMs: 30_000, what: 'every record in ChatWork after the outage' });
    await run.waitAllDelivered({ timeoutMs: 10_000 });
    const drainedMs = Date.now() - recoveredFrom;

    const audit = auditDeliveries(sent.accepted, run.bodies());
    expect(audit.lost).toEqual([]);
    // A 503 posts nothing, so retrying it can never duplicate a message.
    expect(audit.duplicated).toEqual([]);
    const rows = await run.rows();
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
