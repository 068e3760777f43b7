import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatworkFake } from './server';
import { ALICE, api, BOB, postMessage, rawHttp } from './test-support';
import type { ChatworkFake } from './types';

let fake: ChatworkFake;

beforeAll(async () => {
  fake = await startChatworkFake();
  fake.addAccount(ALICE);
  fake.addAccount(BOB);
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

async function expectError(response: Response, status: number, message: string | RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { errors: unknown };
  expect(body).toEqual({ errors: [expect.any(String)] });
  const [first] = body.errors as string[];
  if (typeof message === 'string') expect(first).toBe(message);
  else expect(first).toMatch(message);
}

describe('authentication', () => {
  it.each([
    ['no token', null],
    ['an unknown token', 'nope'],
    ['an empty token', ''],
  ])('answers 401 {"errors":["Invalid API token"]} with %s and no rate-limit headers', async (_label, token) => {
    const response = await api(fake, '/me', { token });
    expect(await response.text()).toBe('{"errors":["Invalid API token"]}');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('never reads the token from the query string', async () => {
    for (const name of ['token', 'x_chatworktoken', 'X-ChatWorkToken', 'access_token']) {
      const response = await api(fake, `/me?${name}=${ALICE.token}`, { token: null });
      expect(response.status).toBe(401);
    }
  });

  it('treats the header name case-insensitively, as HTTP does', async () => {
    const answer = await rawHttp(
      fake.origin,
      `GET /v2/me HTTP/1.1\r\nHost: x\r\nX-CHATWORKTOKEN: ${ALICE.token}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('GET /me', () => {
  it("returns ChatWork's account object with ChatWork's types", async () => {
    const response = await api(fake, '/me');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      account_id: 101,
      room_id: 1000,
      name: 'Alice',
      chatwork_id: '',
      organization_id: 0,
      organization_name: '',
      department: '',
      title: '',
      url: '',
      introduction: '',
      mail: '',
      tel_organization: '',
      tel_extension: '',
      tel_mobile: '',
      skype: '',
      facebook: '',
      twitter: '',
      avatar_image_url: expect.stringMatching(/^https:\/\//),
      login_mail: '',
    });
  });
});

describe('GET /rooms and /rooms/{id}/members', () => {
  it('lists the rooms of the token owner with numeric ids and activity counts', async () => {
    await postMessage(fake, '2000', { body: 'hello' });
    const rooms = (await (await api(fake, '/rooms')).json()) as Record<string, unknown>[];
    expect(rooms.map((room) => [room.room_id, room.type, room.role])).toEqual([
      [1000, 'my', 'admin'],
      [2000, 'group', 'member'],
      [3000, 'group', 'readonly'],
    ]);
    const general = rooms[1];
    expect(Object.keys(general ?? {}).sort()).toEqual(
      [
        'room_id',
        'name',
        'type',
        'role',
        'sticky',
        'unread_num',
        'mention_num',
        'mytask_num',
        'message_num',
        'file_num',
        'task_num',
        'icon_path',
        'last_update_time',
      ].sort(),
    );
    expect(general).toMatchObject({ name: 'General', sticky: false, message_num: 1 });
    expect(general?.last_update_time).toBeTypeOf('number');
    expect(Math.abs(Date.now() / 1000 - Number(general?.last_update_time))).toBeLessThan(5);
  });

  it('lists members from every account in the room plus declared members', async () => {
    const response = await api(fake, '/rooms/2000/members');
    expect(response.status).toBe(200);
    const members = (await response.json()) as Record<string, unknown>[];
    expect(members.map((member) => [member.account_id, member.name, member.role])).toEqual([
      [101, 'Alice', 'member'],
      [202, 'Bob', 'admin'],
      [303, 'Carol', 'member'],
    ]);
    expect(Object.keys(members[0] ?? {}).sort()).toEqual(
      [
        'account_id',
        'role',
        'name',
        'chatwork_id',
        'organization_id',
        'organization_name',
        'department',
        'avatar_image_url',
      ].sort(),
    );
  });

  it('answers 404 for the members of a room the token owner is not in', async () => {
    await expectError(await api(fake, '/rooms/4000/members'), 404, 'Resource not found');
  });
});

describe('POST /rooms/{id}/messages', () => {
  it('records a form-encoded post and answers a numeric-string message_id', async () => {
    const response = await postMessage(fake, '2000', { body: 'こんにちは [To:202] & more' });
    expect(response.status).toBe(200);
    const { message_id } = (await response.json()) as { message_id: unknown };
    expect(message_id).toMatch(/^\d+$/);
    const [message] = fake.messages('2000');
    expect(message).toEqual({
      messageId: message_id,
      roomId: '2000',
      body: 'こんにちは [To:202] & more',
      accountId: '101',
      token: ALICE.token,
      selfUnread: false,
      receivedAt: expect.any(Number),
    });
  });

  it('hands out increasing ids beyond Number precision, so clients must keep them as strings', async () => {
    const ids: bigint[] = [];
    for (const body of ['a', 'b', 'c']) {
      const { message_id } = (await (await postMessage(fake, '2000', { body })).json()) as { message_id: string };
      ids.push(BigInt(message_id));
    }
    expect(ids[0]).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(ids[1]).toBe((ids[0] ?? 0n) + 1n);
    expect(ids[2]).toBe((ids[1] ?? 0n) + 1n);
  });

  it('reads self_unread 0/1 and refuses anything else', async () => {
    expect((await postMessage(fake, '2000', { body: 'x', self_unread: '1' })).status).toBe(200);
    expect((await postMessage(fake, '2000', { body: 'y', self_unread: '0' })).status).toBe(200);
    expect(fake.messages().map((message) => message.selfUnread)).toEqual([true, false]);
    await expectError(await postMessage(fake, '2000', { body: 'z', self_unread: 'true' }), 400, /self_unread/);
    expect(fake.messages()).toHaveLength(2);
  });

  it('ignores parameters in the query string (ChatWork, since 2025-07-03)', async () => {
    const response = await api(fake, '/rooms/2000/messages?body=hello', { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(`{"errors":["Parameter 'body' is required"]}`);
    // Also when the form body is present but has no `body`: the query string is still not read.
    const mixed = await api(fake, '/rooms/2000/messages?body=hello', {
      method: 'POST',
      body: new URLSearchParams({ self_unread: '1' }),
    });
    expect(mixed.status).toBe(400);
    expect(fake.messages()).toEqual([]);
  });

  it('refuses a JSON body as if no parameters were sent', async () => {
    const response = await api(fake, '/rooms/2000/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'hello' }),
    });
    await expectError(response, 400, "Parameter 'body' is required");
    expect(fake.messages()).toEqual([]);
  });

  it('refuses a form-looking body sent without the form content type', async () => {
    const response = await api(fake, '/rooms/2000/messages', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'body=hello',
    });
    await expectError(response, 400, "Parameter 'body' is required");
  });

  it('refuses an empty body', async () => {
    await expectError(await postMessage(fake, '2000', { body: '' }), 400, "Parameter 'body' is required");
  });

  it('accepts 65,535 characters and refuses 65,536 (counted in UTF-16 units)', async () => {
    expect((await postMessage(fake, '2000', { body: 'あ'.repeat(65_535) })).status).toBe(200);
    await expectError(await postMessage(fake, '2000', { body: 'a'.repeat(65_536) }), 400, /body/);
    await expectError(await postMessage(fake, '2000', { body: '😀'.repeat(32_768) }), 400, /body/);
    expect(fake.messages()).toHaveLength(1);
  });

  it('answers 404 for a room the token owner is not in and 403 for a read-only room', async () => {
    await expectError(await postMessage(fake, '4000', { body: 'x' }), 404, 'Resource not found');
    await expectError(
      await postMessage(fake, '3000', { body: 'x' }),
      403,
      "You don't have permission to send messages in this room",
    );
    expect(fake.messages()).toEqual([]);
  });

  it('refuses bodies over 1 MB with 413 and keeps serving', async () => {
    const response = await postMessage(fake, '2000', { body: 'x'.repeat(1_500_000) });
    await expectError(response, 413, /too large/);
    expect((await api(fake, '/me')).status).toBe(200);
  });
});

describe('everything else', () => {
  it('answers unknown paths with 404 in the ChatWork error shape', async () => {
    await expectError(await api(fake, '/nope'), 404, 'Resource not found');
    await expectError(await api(fake, '/me/'), 404, 'Resource not found');
    await expectError(await api(fake, '/rooms/abc/messages', { method: 'POST' }), 404, 'Resource not found');
    await expectError(await fetch(`${fake.origin}/v1/me`), 404, 'Resource not found');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await api(fake, '/me', { method: 'DELETE' });
    expect(response.headers.get('allow')).toBe('GET');
    await expectError(response, 405, /DELETE/);
  });

  it('answers real ChatWork endpoints the fake lacks with 501, saying so', async () => {
    await expectError(await api(fake, '/rooms/2000/messages'), 501, /does not implement GET \/rooms/);
    await expectError(await api(fake, '/contacts'), 501, /does not implement/);
  });

  it('sends rate-limit headers on every authenticated answer, errors included', async () => {
    for (const response of [await api(fake, '/me'), await api(fake, '/nope'), await postMessage(fake, '2000', {})]) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('300');
      expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d{10}$/);
    }
  });

  it('survives malformed requests', async () => {
    expect(
      await rawHttp(fake.origin, 'GET http://elsewhere/v2/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    ).toMatch(/^HTTP\/1\.1 400 /);
    expect(
      await rawHttp(fake.origin, 'GET //elsewhere/v2/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    ).toMatch(/^HTTP\/1\.1 404 /);
    expect(await rawHttp(fake.origin, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    const badForm = await api(fake, '/rooms/2000/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'body=%E3%81%ZZ%&self_unread=0',
    });
    expect(badForm.status).toBe(200);
    expect((await api(fake, '/me')).status).toBe(200);
  });

  it('logs every request with method, path, status, token and time', async () => {
    await api(fake, '/me');
    await api(fake, '/me', { token: 'wrong' });
    expect(fake.requests()).toEqual([
      { method: 'GET', path: '/v2/me', status: 200, token: ALICE.token, time: expect.any(Number) },
      { method: 'GET', path: '/v2/me', status: 401, token: 'wrong', time: expect.any(Number) },
    ]);
  });
});
