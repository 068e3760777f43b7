import { type ChatworkFake, startChatworkFake } from '@k2c/tests/chatwork-fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChatwork } from '../../../relay/src/services/chatwork-connection';
import {
  createTenantWithKey,
  createTestRelay,
  jsonRequest,
  type TestRelay,
} from '../../../relay/src/testing/test-relay';
import { connectAccount, startTestRelayServer, type TestRelayServer } from '../support/index';

const TOKEN = 'cw-settings-token';

describe('the settings screen’s ChatWork calls', () => {
  let chatwork: ChatworkFake;
  let relay: TestRelay;

  beforeAll(async () => {
    chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: TOKEN,
      accountId: '700',
      name: '通知ボット',
      rooms: [
        { roomId: '11', name: 'マイチャット', type: 'my', role: 'admin' },
        { roomId: '12', name: '営業チーム', type: 'group', role: 'member' },
        { roomId: '13', name: 'お知らせ', type: 'group', role: 'readonly' },
      ],
    });
    relay = await createTestRelay({ chatworkUrl: chatwork.url });
  });
  afterAll(async () => {
    await relay.close();
    await chatwork.close();
  });

  const rooms = (key: string) =>
    relay.app.request('/v1/chatwork/rooms', { headers: { Authorization: `Bearer ${key}` } });

  it('lists the ChatWork account’s rooms with type and role', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    await connectChatwork(relay.deps, tenant.tenantId, TOKEN, new Date());
    const response = await rooms(tenant.key);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      rooms: [
        { roomId: '11', name: 'マイチャット', type: 'my', role: 'admin' },
        { roomId: '12', name: '営業チーム', type: 'group', role: 'member' },
        { roomId: '13', name: 'お知らせ', type: 'group', role: 'readonly' },
      ],
    });
    const connection = await relay.app.request('/v1/connection', {
      headers: { Authorization: `Bearer ${tenant.key}` },
    });
    expect(await connection.json()).toMatchObject({
      chatwork: { accountId: '700', name: '通知ボット', tokenStatus: 'active' },
    });
  });

  it('answers 409 before ChatWork is connected', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    const response = await rooms(tenant.key);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'chatwork_not_connected' } });
  });

  it('answers 422 when ChatWork no longer accepts the token, and marks it', async () => {
    const token = 'cw-settings-revoked';
    chatwork.addAccount({ token, accountId: '701', name: 'x', rooms: [] });
    const tenant = await createTenantWithKey(relay.database.db);
    await connectChatwork(relay.deps, tenant.tenantId, token, new Date());
    chatwork.revokeToken(token);
    const response = await rooms(tenant.key);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'chatwork_token_rejected' } });
    const connection = await relay.app.request('/v1/connection', {
      headers: { Authorization: `Bearer ${tenant.key}` },
    });
    expect(await connection.json()).toMatchObject({ chatwork: { tokenStatus: 'invalid' } });
  });

  it('answers 502 when ChatWork is down', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    await connectChatwork(relay.deps, tenant.tenantId, TOKEN, new Date());
    chatwork.injectFault({ kind: 'status', status: 503, count: 1 });
    expect((await rooms(tenant.key)).status).toBe(502);
  });
});

describe('test send through the running relay', () => {
  let chatwork: ChatworkFake;
  let server: TestRelayServer;
  beforeAll(async () => {
    chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: TOKEN,
      accountId: '700',
      name: 'bot',
      rooms: [{ roomId: '12', name: '営業', type: 'group', role: 'member' }],
    });
    server = await startTestRelayServer({ chatworkUrl: chatwork.url });
  });
  afterAll(async () => {
    await server.close();
    await chatwork.close();
  });

  it('posts the fixed test message, with the app name neutralised, and reports it delivered', async () => {
    const { connectionKey } = await connectAccount(server.url, TOKEN);
    const auth = { Authorization: `Bearer ${connectionKey}` };
    const response = await fetch(
      `${server.url}/v1/test-message`,
      jsonRequest('POST', { roomId: '12', appName: '案件[toall]' }, auth),
    );
    expect(response.status).toBe(202);
    const { delivery } = (await response.json()) as { delivery: { id: string } };
    const [message] = await chatwork.waitForMessages(1, { roomId: '12' });
    expect(message?.body).toContain('「案件［toall]」');
    expect(message?.body).toMatch(/^\[info\]\[title\]kintone2chatwork テスト送信/);
    await expect
      .poll(async () => (await fetch(`${server.url}/v1/deliveries/${delivery.id}`, { headers: auth })).json())
      .toMatchObject({ status: 'delivered' });
  });
});
