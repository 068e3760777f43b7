import { describe, expect, it } from 'vitest';
import { answers, auditDeliveries } from './harness/index';
import { loadScenario } from './harness/load-scenario';

// Real relay processes on one PostgreSQL database against the ChatWork fake, under ChatWork's
// limits scaled down in time (SCALED_LIMITS in harness/limited-chatwork.ts).
const NOTIFICATIONS = 120;
const ROOMS = 8;

describe('three relay processes on one PostgreSQL database', () => {
  const scenario = loadScenario();

  async function burst(options: { token: string; firstRoom: number; digestThreshold: number }) {
    const run = await scenario.start({
      token: options.token,
      accountId: '900',
      firstRoom: options.firstRoom,
      roomCount: ROOMS,
      instances: 3,
      env: { DIGEST_THRESHOLD: String(options.digestThreshold) },
    });

    const sent = await run.send(1, NOTIFICATIONS);
    expect(sent.failures).toEqual([]);
    expect(sent.accepted).toHaveLength(NOTIFICATIONS);

    await run.waitForArrival(sent.accepted, { timeoutMs: 50_000, what: `all ${NOTIFICATIONS} records in ChatWork` });
    // ChatWork has each message a moment before its worker records the outcome.
    await run.waitAllDelivered({ timeoutMs: 10_000 });

    const audit = auditDeliveries(sent.accepted, run.bodies());
    expect(audit.lost).toEqual([]);
    expect(audit.duplicated).toEqual([]);
    expect(answers(run.fake, 429)).toBe(0);
    const rows = await run.rows();
    expect(rows).toHaveLength(NOTIFICATIONS);
    expect(rows.filter((row) => row.status === 'delivered' && row.body === null && row.chatworkMessageId)).toHaveLength(
      NOTIFICATIONS,
    );
    return { posts: run.messages(), attempts: run.relays.countMessages('delivery attempt') };
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
