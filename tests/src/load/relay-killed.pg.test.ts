import { describe, expect, it } from 'vitest';
import { answers, auditDeliveries, MESSAGE_POST_PATH } from './harness/index';
import { loadScenario } from './harness/load-scenario';
import { waitUntil } from './harness/vitest-support';

const WORKERS_PER_PROCESS = 2;
const LEASE_SECONDS = 15;

describe('a relay process killed in the middle of a burst', () => {
  const scenario = loadScenario();

  it('loses nothing: its claims are taken over once their lease runs out', async () => {
    const run = await scenario.start({
      token: 'cw-kill',
      accountId: '901',
      firstRoom: 3300,
      roomCount: 8,
      instances: 2,
      env: {
        // One record per post, so a repeated post shows up as exactly one duplicated record.
        DIGEST_THRESHOLD: '0',
        DELIVERY_WORKERS: String(WORKERS_PER_PROCESS),
        DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
      },
    });
    const { fake, relays } = run;

    // A slow ChatWork (1 s per post) keeps every worker in the middle of a post most of the time.
    fake.injectFault({ kind: 'delay', ms: 1_000, path: MESSAGE_POST_PATH });
    const before = await run.send(1, 40);
    expect(before.failures).toEqual([]);
    const sending = async () => (await run.rows()).filter((row) => row.status === 'sending').length;
    // All four workers holding a claim: the victim's two are certainly among them.
    await waitUntil(async () => run.messages().length >= 5 && (await sending()) >= 2 * WORKERS_PER_PROCESS, {
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
    const after = await run.send(41, 20);
    expect(after.failures).toEqual([]);

    const accepted = [...before.accepted, ...after.accepted];
    expect(accepted).toHaveLength(60);
    await run.waitForArrival(accepted, { timeoutMs: 45_000, what: 'every accepted record in ChatWork' });
    // A post cut off by the kill can still reach ChatWork, so every record may be there while the
    // killed process's row stays `sending` until its lease runs out and another worker takes it.
    await run.waitAllDelivered({ timeoutMs: LEASE_SECONDS * 1_000 + 15_000 });
    const recoveredAfterMs = Date.now() - killedAt;

    const audit = auditDeliveries(accepted, run.bodies());
    expect(audit.lost).toEqual([]);
    // At least once: a post in flight at the kill may reach ChatWork and be sent again after the
    // takeover. At most one such post per worker of the killed process.
    expect(audit.extraCopies).toBeLessThanOrEqual(1 * WORKERS_PER_PROCESS);
    const rows = await run.rows();
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
