import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatworkFake } from './server';
import { ALICE, api, BOB, postMessage } from './test-support';
import type { ChatworkFake, Fault } from './types';

let fake: ChatworkFake;

beforeAll(async () => {
  fake = await startChatworkFake();
  fake.addAccount(ALICE);
  fake.addAccount(BOB);
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe('status faults', () => {
  it.each([500, 502, 503, 504] as const)(
    'answers %i in the ChatWork error shape and records nothing',
    async (status) => {
      fake.injectFault({ kind: 'status', status, count: 1 });
      const response = await postMessage(fake, '2000', { body: 'lost' });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ errors: [expect.any(String)] });
      // A 5xx still used quota and says so.
      expect(response.headers.get('x-ratelimit-remaining')).toBe('299');
      expect(fake.messages()).toEqual([]);
      expect((await postMessage(fake, '2000', { body: 'kept' })).status).toBe(200);
      expect(fake.messages().map((message) => message.body)).toEqual(['kept']);
      expect(fake.requests().map((request) => [request.status, request.fault])).toEqual([
        [status, 'status'],
        [200, undefined],
      ]);
    },
  );

  it('applies only to matching paths, and without count until cleared', async () => {
    fake.injectFault({ kind: 'status', status: 503, path: '/rooms/2000/messages' });
    for (let i = 0; i < 3; i++) expect((await postMessage(fake, '2000', { body: 'x' })).status).toBe(503);
    expect((await postMessage(fake, '1000', { body: 'x' })).status).toBe(200);
    expect((await api(fake, '/me')).status).toBe(200);
    fake.clearFaults();
    expect((await postMessage(fake, '2000', { body: 'x' })).status).toBe(200);
  });

  it('does not mask a bad token', async () => {
    fake.injectFault({ kind: 'status', status: 500 });
    expect((await api(fake, '/me', { token: 'nope' })).status).toBe(401);
  });

  it('rejects invalid faults loudly', () => {
    expect(() => fake.injectFault({ kind: 'status', status: 418 } as unknown as Fault)).toThrow(/status/);
  });
});

describe('timeout faults', () => {
  it('afterAccept: the message is recorded but no answer ever comes', async () => {
    fake.injectFault({ kind: 'timeout', afterAccept: true, count: 1 });
    const attempt = postMessage(fake, '2000', { body: 'accepted, answer lost' }, { signal: AbortSignal.timeout(300) });
    await expect(attempt).rejects.toThrow(/timeout|aborted/i);
    expect(fake.messages().map((message) => message.body)).toEqual(['accepted, answer lost']);
    expect(fake.requests()).toMatchObject([{ status: null, fault: 'timeout' }]);
    // The next request is answered normally.
    expect((await postMessage(fake, '2000', { body: 'retry' })).status).toBe(200);
  });

  it('without afterAccept: nothing is recorded and no answer comes', async () => {
    fake.injectFault({ kind: 'timeout', count: 1 });
    const attempt = postMessage(fake, '2000', { body: 'never arrives' }, { signal: AbortSignal.timeout(200) });
    await expect(attempt).rejects.toThrow(/timeout|aborted/i);
    expect(fake.messages()).toEqual([]);
    expect(fake.requests()).toMatchObject([{ status: null, fault: 'timeout' }]);
  });
});

describe('delay faults', () => {
  it('answers normally after the delay', async () => {
    fake.injectFault({ kind: 'delay', ms: 250, count: 1 });
    const before = performance.now();
    const response = await postMessage(fake, '2000', { body: 'slow' });
    expect(performance.now() - before).toBeGreaterThanOrEqual(240);
    expect(response.status).toBe(200);
    expect(fake.messages()).toHaveLength(1);
    expect(fake.requests()).toMatchObject([{ status: 200, fault: 'delay' }]);
    const quick = performance.now();
    await api(fake, '/me');
    expect(performance.now() - quick).toBeLessThan(200);
  });
});

describe('tokens, waiting and reset', () => {
  it('revokeToken makes later requests 401; re-adding the account restores it', async () => {
    expect((await api(fake, '/me', { token: BOB.token })).status).toBe(200);
    fake.revokeToken(BOB.token);
    const response = await api(fake, '/me', { token: BOB.token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: ['Invalid API token'] });
    fake.addAccount(BOB);
    expect((await api(fake, '/me', { token: BOB.token })).status).toBe(200);
  });

  it('waitForMessages resolves once enough messages arrived, per room if asked', async () => {
    const waiting = fake.waitForMessages(2, { roomId: '2000', timeoutMs: 2000 });
    await postMessage(fake, '1000', { body: 'other room' });
    await postMessage(fake, '2000', { body: 'one' });
    setTimeout(() => void postMessage(fake, '2000', { body: 'two' }), 30);
    const messages = await waiting;
    expect(messages.map((message) => message.body)).toEqual(['one', 'two']);
    // Already satisfied: resolves at once with everything received.
    expect(await fake.waitForMessages(3)).toHaveLength(3);
  });

  it('waitForMessages rejects on timeout with what it did receive', async () => {
    await postMessage(fake, '2000', { body: 'only one' });
    await expect(fake.waitForMessages(2, { roomId: '2000', timeoutMs: 100 })).rejects.toThrow(
      /at least 2 message\(s\) in room 2000 within 100 ms, received 1: "only one"/,
    );
  });

  it('reset forgets messages, requests and faults but keeps accounts', async () => {
    fake.injectFault({ kind: 'status', status: 500, path: '/v2/me' });
    await postMessage(fake, '2000', { body: 'x' });
    fake.reset();
    expect(fake.messages()).toEqual([]);
    expect(fake.requests()).toEqual([]);
    expect((await api(fake, '/me')).status).toBe(200);
  });
});

describe('close()', () => {
  it('ends held and delayed requests, keep-alive sockets and waiters instead of hanging', async () => {
    const own = await startChatworkFake();
    own.addAccount(ALICE);
    expect((await api(own, '/rooms')).status).toBe(200); // leaves a keep-alive socket behind
    own.injectFault({ kind: 'timeout', path: '/rooms/2000/messages' });
    own.injectFault({ kind: 'delay', ms: 60_000, path: '/me' });
    // The expectations are attached now, before close() settles these promises.
    const held = expect(postMessage(own, '2000', { body: 'held' })).rejects.toThrow();
    const delayed = expect(api(own, '/me')).rejects.toThrow();
    const waiter = expect(own.waitForMessages(5, { timeoutMs: 60_000 })).rejects.toThrow(/closed/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(own.requests().map((request) => request.status)).toEqual([200, null, null]);

    const before = performance.now();
    await own.close();
    expect(performance.now() - before).toBeLessThan(1000);
    await Promise.all([held, delayed, waiter]);
    await own.close(); // idempotent
  });
});
