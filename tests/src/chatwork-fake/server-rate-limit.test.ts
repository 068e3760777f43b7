import { afterEach, describe, expect, it } from 'vitest';
import { ROOM_RATE_LIMITED } from './api-routes';
import { startChatworkFake } from './server';
import { ALICE, api, BOB, postMessage, TestClock } from './test-support';
import type { ChatworkFake, ChatworkFakeOptions } from './types';

const started: ChatworkFake[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

async function start(options: ChatworkFakeOptions): Promise<ChatworkFake> {
  const fake = await startChatworkFake(options);
  started.push(fake);
  fake.addAccount(ALICE);
  fake.addAccount(BOB);
  return fake;
}

function limitHeaders(response: Response) {
  return {
    limit: response.headers.get('x-ratelimit-limit'),
    remaining: response.headers.get('x-ratelimit-remaining'),
    reset: response.headers.get('x-ratelimit-reset'),
  };
}

describe('per-token limit', () => {
  it('counts down, answers 429 past the limit, and resets when the window ends', async () => {
    const clock = new TestClock();
    const fake = await start({ tokenLimit: { requests: 5, windowMs: 2000 }, now: clock.now });
    // Window opens at the first request: 1_750_000_000_500 ms + 2000 ms → second 1_750_000_002.5, rounded up.
    const reset = '1750000003';
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await api(fake, '/me');
      expect(response.status).toBe(200);
      expect(limitHeaders(response)).toMatchObject({ limit: '5', reset });
      remaining.push(limitHeaders(response).remaining);
      clock.advance(100);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const refused = await api(fake, '/me');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/json');
    expect(await refused.text()).toBe('{"errors":["Rate limit exceeded"]}');
    expect(limitHeaders(refused)).toEqual({ limit: '5', remaining: '0', reset });
    // No Retry-After: ChatWork documents none, so clients must read X-RateLimit-Reset.
    expect(refused.headers.get('retry-after')).toBeNull();

    // Still refused just before the window ends, for every endpoint.
    clock.time = 1_750_000_002_499;
    expect((await postMessage(fake, '2000', { body: 'x' })).status).toBe(429);
    expect(fake.messages()).toEqual([]);

    clock.time = 1_750_000_002_500;
    const fresh = await api(fake, '/me');
    expect(fresh.status).toBe(200);
    expect(limitHeaders(fresh)).toEqual({ limit: '5', remaining: '4', reset: '1750000005' });
  });

  it('counts error answers too, and keeps tokens apart', async () => {
    const clock = new TestClock();
    const fake = await start({ tokenLimit: { requests: 2, windowMs: 1000 }, now: clock.now });
    expect((await api(fake, '/nope')).status).toBe(404);
    expect((await postMessage(fake, '2000', {})).status).toBe(400);
    expect((await api(fake, '/me')).status).toBe(429);
    expect((await api(fake, '/me', { token: BOB.token })).status).toBe(200);
    // Invalid tokens have no bucket and are not limited by anyone else's.
    expect((await api(fake, '/me', { token: 'nope' })).status).toBe(401);
  });

  it('uses the published default of 300 per 5 minutes on the real clock', async () => {
    const fake = await start({});
    const before = Date.now();
    const headers = limitHeaders(await api(fake, '/me'));
    expect(headers.limit).toBe('300');
    expect(headers.remaining).toBe('299');
    const reset = Number(headers.reset);
    expect(reset).toBeGreaterThanOrEqual(Math.floor((before + 300_000) / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil((Date.now() + 300_000) / 1000));
  });
});

describe('per-room posting limit', () => {
  it('refuses the post past the limit with the exact ChatWork body, per room, shared by all tokens', async () => {
    const clock = new TestClock();
    const fake = await start({ roomLimit: { requests: 3, windowMs: 1000 }, now: clock.now });
    for (const body of ['1', '2', '3']) expect((await postMessage(fake, '2000', { body })).status).toBe(200);

    const refused = await postMessage(fake, '2000', { body: '4' });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe('{"errors":["Rate limit for message posting per room exceeded."]}');
    expect(ROOM_RATE_LIMITED).toBe('Rate limit for message posting per room exceeded.');
    // The general limit is untouched, and its headers still come along.
    expect(limitHeaders(refused)).toMatchObject({ limit: '300', remaining: '296' });

    // Another token posting to the same room shares the room's budget…
    expect((await postMessage(fake, '2000', { body: 'bob' }, { token: BOB.token })).status).toBe(429);
    // …while other rooms still accept posts.
    expect((await postMessage(fake, '1000', { body: 'my chat' })).status).toBe(200);
    expect((await postMessage(fake, '4000', { body: 'bob room' }, { token: BOB.token })).status).toBe(200);
    // Reading the room is not posting.
    expect((await api(fake, '/rooms/2000/members')).status).toBe(200);

    expect(fake.messages('2000').map((message) => message.body)).toEqual(['1', '2', '3']);
  });

  it('slides: each slot comes back windowMs after the post that took it', async () => {
    const clock = new TestClock();
    const fake = await start({ roomLimit: { requests: 3, windowMs: 1000 }, now: clock.now });
    const post = async (body: string) => (await postMessage(fake, '2000', { body })).status;
    expect(await post('t0')).toBe(200);
    clock.advance(500);
    expect(await post('t500')).toBe(200);
    clock.advance(400);
    expect(await post('t900')).toBe(200);
    clock.advance(99);
    expect(await post('t999')).toBe(429);
    clock.advance(1); // t=1000: the post from t=0 has left the window
    expect(await post('t1000')).toBe(200);
    clock.advance(100); // t=1100: 500, 900 and 1000 are still inside
    expect(await post('t1100')).toBe(429);
    clock.advance(400); // t=1500
    expect(await post('t1500')).toBe(200);
    expect(fake.messages().map((message) => message.body)).toEqual(['t0', 't500', 't900', 't1000', 't1500']);
  });

  it('uses 10 posts per 10 s by default', async () => {
    const clock = new TestClock();
    const fake = await start({ now: clock.now });
    for (let i = 0; i < 10; i++) expect((await postMessage(fake, '2000', { body: `${i}` })).status).toBe(200);
    clock.advance(9_999);
    expect((await postMessage(fake, '2000', { body: 'late' })).status).toBe(429);
    clock.advance(1);
    expect((await postMessage(fake, '2000', { body: 'later' })).status).toBe(200);
  });

  it('is forgotten by reset()', async () => {
    const clock = new TestClock();
    const fake = await start({
      roomLimit: { requests: 1, windowMs: 1000 },
      tokenLimit: { requests: 2, windowMs: 1000 },
      now: clock.now,
    });
    await postMessage(fake, '2000', { body: 'a' });
    expect((await postMessage(fake, '2000', { body: 'b' })).status).toBe(429);
    fake.reset();
    expect((await postMessage(fake, '2000', { body: 'c' })).status).toBe(200);
  });
});
