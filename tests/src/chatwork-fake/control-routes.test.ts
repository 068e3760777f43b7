import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatworkFake } from './server';
import { ALICE, api, postMessage } from './test-support';
import type { ChatworkFake, FakeAccount } from './types';

let fake: ChatworkFake;

beforeAll(async () => {
  fake = await startChatworkFake();
  fake.addAccount(ALICE);
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

function control(path: string, init: { method?: string; json?: unknown; body?: string } = {}) {
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  return fetch(`${fake.origin}/__fake${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  });
}

const DAVE: FakeAccount = {
  token: 'dave-token',
  accountId: '404',
  name: 'Dave',
  rooms: [{ roomId: '5000', name: 'Dave room', type: 'group', role: 'member' }],
};

describe('JSON control surface', () => {
  it('adds accounts, and refuses invalid ones with a reason', async () => {
    expect((await control('/accounts', { json: DAVE })).status).toBe(200);
    const me = (await (await api(fake, '/me', { token: DAVE.token })).json()) as { account_id: number };
    expect(me.account_id).toBe(404);

    const bad = await control('/accounts', { json: { ...DAVE, accountId: 'abc' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [expect.stringContaining('accountId')] });
    expect((await control('/accounts', { body: '{not json' })).status).toBe(400);
  });

  it('injects, lists and clears faults, with path as a string or pathPattern as a RegExp', async () => {
    expect(
      (await control('/faults', { json: { kind: 'status', status: 502, count: 1, path: '/rooms/2000/messages' } }))
        .status,
    ).toBe(200);
    expect(
      (await control('/faults', { json: { kind: 'status', status: 504, pathPattern: '^/v2/rooms$' } })).status,
    ).toBe(200);
    expect(await (await control('/faults')).json()).toEqual([
      { kind: 'status', status: 502, count: 1, path: '/rooms/2000/messages' },
      // Read back as RegExp#source, which escapes slashes.
      { kind: 'status', status: 504, pathPattern: /^\/v2\/rooms$/.source },
    ]);
    expect((await postMessage(fake, '1000', { body: 'x' })).status).toBe(200);
    expect((await postMessage(fake, '2000', { body: 'x' })).status).toBe(502);
    expect((await postMessage(fake, '2000', { body: 'x' })).status).toBe(200);
    expect((await api(fake, '/rooms')).status).toBe(504);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await api(fake, '/rooms')).status).toBe(200);

    const bad = await control('/faults', { json: { kind: 'status', status: 404 } });
    expect(bad.status).toBe(400);
    expect((await control('/faults', { json: { kind: 'delay', ms: 1, pathPattern: '(' } })).status).toBe(400);
  });

  it('revokes tokens', async () => {
    await control('/accounts', { json: DAVE });
    expect((await control('/revoke', { json: { token: DAVE.token } })).status).toBe(200);
    expect((await api(fake, '/me', { token: DAVE.token })).status).toBe(401);
    expect((await control('/revoke', { json: {} })).status).toBe(400);
  });

  it('lists messages (optionally per room) and requests, leaving control calls out of the log', async () => {
    await postMessage(fake, '1000', { body: 'mine' });
    await postMessage(fake, '2000', { body: 'general' });
    const all = (await (await control('/messages')).json()) as { body: string }[];
    expect(all.map((message) => message.body)).toEqual(['mine', 'general']);
    const general = (await (await control('/messages?roomId=2000')).json()) as { body: string; roomId: string }[];
    expect(general).toMatchObject([{ body: 'general', roomId: '2000', accountId: '101', selfUnread: false }]);
    const requests = (await (await control('/requests')).json()) as { path: string; status: number }[];
    expect(requests.map((request) => [request.path, request.status])).toEqual([
      ['/v2/rooms/1000/messages', 200],
      ['/v2/rooms/2000/messages', 200],
    ]);
  });

  it('resets traffic', async () => {
    await postMessage(fake, '2000', { body: 'x' });
    expect((await control('/reset', { method: 'POST' })).status).toBe(200);
    expect(await (await control('/messages')).json()).toEqual([]);
    expect((await api(fake, '/me')).status).toBe(200);
  });

  it('answers unknown control paths and methods in the JSON error shape', async () => {
    const missing = await control('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [expect.any(String)] });
    const wrong = await control('/reset');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('messages page', () => {
  it('lists messages per room, newest first, escaped, refreshing every 2 s', async () => {
    await postMessage(fake, '2000', { body: 'first <b>bold</b>' });
    await postMessage(fake, '2000', { body: '<script>alert("x")</script> & \'quotes\'' });
    await postMessage(fake, '1000', { body: 'latest, in my chat' });
    for (const path of ['', '/']) {
      const response = await control(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).toContain('受信したメッセージ / Messages received');
      expect(html).toContain('<meta http-equiv="refresh" content="2">');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
      // Rooms with the newest message first, then messages newest first within a room.
      const order = ['latest, in my chat', 'alert', 'first &lt;b&gt;'].map((text) => html.indexOf(text));
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(html).toContain('マイチャット');
      expect(html).toContain('Alice');
    }
  });

  it('says so when nothing arrived yet', async () => {
    const html = await (await control('/')).text();
    expect(html).toContain('まだメッセージはありません');
    expect(html).toContain('No messages yet');
  });
});
