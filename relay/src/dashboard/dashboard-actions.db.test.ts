import { chatworkCredentials, deliveries, inquiries } from '@k2c/db';
import { eq, sql } from '@k2c/db/operators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRelay, jsonRequest, sampleNotification, type TestRelay } from '../testing/test-relay';
import { createKeyThroughForm, signUpThroughForm, TEST_PASSWORD } from './testing/accounts';
import { DashboardClient, expectCspClean, locationOf, textOf } from './testing/dashboard-client';
import { startMiniChatwork } from './testing/mini-chatwork';

const CHATWORK_TOKEN = 'cw-token-abcd1234wxyz';

describe('dashboard actions', () => {
  let relay: TestRelay;
  let chatwork: Awaited<ReturnType<typeof startMiniChatwork>>;

  beforeAll(async () => {
    chatwork = await startMiniChatwork({ token: CHATWORK_TOKEN, accountId: '4242', name: '通知ボット' });
    relay = await createTestRelay({ chatworkUrl: chatwork.url });
  });
  afterAll(async () => {
    await relay?.close();
    await chatwork?.close();
  });

  async function member() {
    const client = new DashboardClient(relay.app);
    const account = await signUpThroughForm(client);
    return { client, ...account };
  }

  async function notify(key: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await relay.app.request(
      '/v1/notifications',
      jsonRequest('POST', sampleNotification(overrides), { Authorization: `Bearer ${key}` }),
    );
    expect(response.status).toBe(202);
    return ((await response.json()) as { deliveries: { id: string }[] }).deliveries[0]?.id ?? '';
  }

  /** What a worker would record after ChatWork refused the post; the message stays for the retry window. */
  async function markFailed(id: string) {
    await relay.database.db
      .update(deliveries)
      .set({
        status: 'failed',
        attempts: 1,
        errorCode: 'chatwork_forbidden',
        errorMessage: 'You don’t have permission to send messages in this room',
        finishedAt: sql`now()`,
      })
      .where(eq(deliveries.id, id));
  }

  describe('ChatWork connection', () => {
    it('checks the token with ChatWork, keeps it masked, and explains a rejected token', async () => {
      const { client } = await member();
      const rejected = await client.post('/dashboard/chatwork', { token: 'cw-wrong-token' });
      expect(rejected.status).toBe(422);
      const rejectedHtml = await rejected.text();
      expect(rejectedHtml).toContain('id="token-error">ChatWork がこの API トークンを受け付けませんでした。');
      expect(rejectedHtml).not.toContain('cw-wrong-token');

      const empty = await client.post('/dashboard/chatwork', { token: '  ' });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('id="token-error">入力してください。</p>');

      const connected = await client.post('/dashboard/chatwork', { token: CHATWORK_TOKEN });
      expect(connected.status).toBe(303);
      expect(locationOf(connected)).toBe('/dashboard/chatwork?notice=chatwork_connected');
      const html = await client.page('/dashboard/chatwork?notice=chatwork_connected');
      const text = textOf(html);
      expect(text).toContain('ChatWork を接続しました。');
      expect(text).toContain('接続済み');
      expect(text).toContain('通知ボット（ID: 4242）');
      expect(text).toContain('••••••••wxyz');
      expect(html).not.toContain(CHATWORK_TOKEN);
      expect(text).toContain('トークンを置き換える');
      expect(text).toContain('サービス連携');
      expect(textOf(await client.page('/dashboard'))).toContain('••••••••wxyz');
    });

    it('says so when ChatWork cannot be reached to check the token', async () => {
      const offline = await createTestRelay();
      try {
        const client = new DashboardClient(offline.app);
        await signUpThroughForm(client);
        const response = await client.post('/dashboard/chatwork', { token: CHATWORK_TOKEN });
        expect(response.status).toBe(502);
        expect(textOf(await response.text())).toContain('ChatWork に接続できず、トークンを確認できませんでした。');
      } finally {
        await offline.close();
      }
    });

    it('shows a token ChatWork has since rejected as invalid, with held deliveries waiting', async () => {
      const { client } = await member();
      await client.post('/dashboard/chatwork', { token: CHATWORK_TOKEN });
      const { key } = await createKeyThroughForm(client);
      const id = await notify(key);
      await relay.database.db
        .update(deliveries)
        .set({ status: 'held', errorCode: 'chatwork_token_invalid' })
        .where(eq(deliveries.id, id));
      const [row] = await relay.database.db.select().from(deliveries).where(eq(deliveries.id, id));
      await relay.database.db
        .update(chatworkCredentials)
        .set({ status: 'invalid' })
        .where(eq(chatworkCredentials.tenantId, row?.tenantId ?? ''));
      const text = textOf(await client.page('/dashboard'));
      expect(text).toContain('無効（ChatWork に拒否されました）');
      expect(text).toContain('配信は保留されています');
      expect(text).toMatch(/保留中 1 件/);
    });
  });

  describe('connection keys', () => {
    it('shows a new key once, in the answer to the form, and afterwards only its hint', async () => {
      const { client } = await member();
      const { key, html } = await createKeyThroughForm(client, '営業アプリ');
      expect(key).toMatch(/^k2c_[\w-]{43}$/);
      expectCspClean(html);
      expect(textOf(html)).toContain('このキーは今しか表示されません。');
      expect(html).toContain('data-copy-target="new-key"');
      expect(html).not.toMatch(/<a [^>]*href="[^"]*k2c_/);

      const list = await client.page('/dashboard/keys');
      expect(list).not.toContain(key);
      expect(textOf(list)).toContain(`営業アプリ …${key.slice(-4)}`);
      expect(textOf(list)).toContain('未使用');

      await notify(key);
      expect(textOf(await client.page('/dashboard/keys'))).not.toContain('未使用');
    });

    it('refuses an empty label next to the field, keeping the list', async () => {
      const { client } = await member();
      const response = await client.post('/dashboard/keys', { label: '' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('id="label-error">入力してください。</p>');
    });

    it('revokes a key only after a confirmation; without JavaScript the server asks', async () => {
      const { client } = await member();
      const { key } = await createKeyThroughForm(client, '問い合わせ');
      const list = await client.page('/dashboard/keys');
      const action = /action="(\/dashboard\/keys\/[0-9a-f-]+\/revoke)"/.exec(list)?.[1] ?? '';
      expect(list).toContain('data-confirm="接続キー「問い合わせ」を無効にしますか？');

      // The form posted without the script's confirmation: a page that asks.
      const asked = await client.post(action, { confirmed: '' });
      expect(asked.status).toBe(200);
      const askedHtml = await asked.text();
      expect(textOf(askedHtml)).toContain('接続キー「問い合わせ」を無効にしますか？');
      expect(askedHtml).toContain('<input type="hidden" name="confirmed" value="1"/>');
      expect((await notify(key)).length).toBeGreaterThan(0);

      const revoked = await client.post(action, { confirmed: '1' });
      expect(revoked.status).toBe(303);
      expect(locationOf(revoked)).toBe('/dashboard/keys?notice=key_revoked');
      expect(textOf(await client.page('/dashboard/keys?notice=key_revoked'))).toContain('接続キーを無効にしました。');
      const refused = await relay.app.request(
        '/v1/notifications',
        jsonRequest('POST', sampleNotification(), { Authorization: `Bearer ${key}` }),
      );
      expect(refused.status).toBe(401);
      expect((await client.post(action, { confirmed: '1' })).status).toBe(404);
    });
  });

  describe('delivery log', () => {
    it('lists deliveries newest first with their summary, and filters them', async () => {
      const { client } = await member();
      const { key } = await createKeyThroughForm(client);
      await notify(key, { appId: '7', recordId: '1' });
      await notify(key, { appId: '8', recordId: '2', event: 'edit' });
      const failed = await notify(key, { appId: '8', recordId: '3' });
      await markFailed(failed);

      const html = await client.page('/dashboard/deliveries');
      expectCspClean(html);
      const rows = html.match(/<tr class="row-[a-z]+">/g) ?? [];
      expect(rows).toEqual(['<tr class="row-failed">', '<tr class="row-queued">', '<tr class="row-queued">']);
      const text = textOf(html);
      expect(text).toContain('アプリ 8 / レコード 3');
      expect(text).toContain('新規問い合わせ');
      expect(text).toContain('このアカウントはルームに投稿できません');
      expect(text).toContain('編集');
      expect(text).not.toContain('見積もり依頼'); // the message itself never shows

      const byStatus = await client.page('/dashboard/deliveries?status=failed');
      expect(byStatus.match(/<tr class="row-/g)).toHaveLength(1);
      const byApp = await client.page('/dashboard/deliveries?appId=7');
      expect(textOf(byApp)).toContain('アプリ 7 / レコード 1');
      expect(byApp.match(/<tr class="row-/g)).toHaveLength(1);
      const future = await client.page('/dashboard/deliveries?from=2999-01-01');
      expect(textOf(future)).toContain('条件に合う配信はありません。');
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
      const toToday = await client.page(`/dashboard/deliveries?from=${today}&to=${today}`);
      expect(toToday.match(/<tr class="row-/g)).toHaveLength(3);

      const bad = await client.page('/dashboard/deliveries?appId=abc&from=2026-02-31');
      expect(bad).toContain('id="appId-error">アプリ ID は数字で入力してください。</p>');
      expect(bad).toContain('id="from-error">日付を YYYY-MM-DD の形式で入力してください。</p>');
      expect(bad.match(/<tr class="row-/g)).toHaveLength(3);
    });

    it('pages through the log with a cursor, keeping the filters', async () => {
      const { client } = await member();
      const { key } = await createKeyThroughForm(client);
      for (let index = 1; index <= 52; index++) await notify(key, { appId: '9', recordId: String(index) });
      const first = await client.page('/dashboard/deliveries?appId=9');
      expect(first.match(/<tr class="row-/g)).toHaveLength(50);
      const next = /href="(\/dashboard\/deliveries\?appId=9&amp;cursor=[^"]+)" rel="next"/.exec(first)?.[1] ?? '';
      expect(next).not.toBe('');
      const second = await client.page(next.replaceAll('&amp;', '&'));
      expect(second.match(/<tr class="row-/g)).toHaveLength(2);
      expect(textOf(second)).toContain('アプリ 9 / レコード 1');
      expect(second).toContain('href="/dashboard/deliveries?appId=9">最初のページ</a>');
      expect(second).not.toContain('rel="next"');

      const tampered = await client.page('/dashboard/deliveries?appId=9&cursor=not-a-cursor');
      expect(tampered.match(/<tr class="row-/g)).toHaveLength(50);
    });

    it('shows every detail of a delivery, and retries a failed one', async () => {
      const { client } = await member();
      const { key } = await createKeyThroughForm(client);
      const id = await notify(key, { appId: '5', recordId: '77' });

      const queued = await client.page(`/dashboard/deliveries/${id}`);
      expectCspClean(queued);
      expect(textOf(queued)).toContain('再送できません');
      expect(queued).not.toContain(`action="/dashboard/deliveries/${id}/retry"`);

      await markFailed(id);
      const failed = await client.page(`/dashboard/deliveries/${id}`);
      const text = textOf(failed);
      for (const part of [
        id,
        '失敗',
        'アプリ ID 5',
        'レコード ID 77',
        '追加',
        '新規問い合わせ',
        'r1',
        '1001',
        'chatwork_forbidden',
      ]) {
        expect(text).toContain(part);
      }
      expect(text).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} まで再送できます/);
      expect(failed).toContain(`<form method="post" action="/dashboard/deliveries/${id}/retry">`);
      expect(failed).toContain('href="https://www.chatwork.com/#!rid1001"');

      const retried = await client.post(`/dashboard/deliveries/${id}/retry`);
      expect(retried.status).toBe(303);
      expect(locationOf(retried)).toBe(`/dashboard/deliveries/${id}?notice=delivery_retried`);
      const after = textOf(await client.page(`/dashboard/deliveries/${id}?notice=delivery_retried`));
      expect(after).toContain('再送を受け付けました。');
      expect(after).toContain('送信待ち');

      const again = await client.post(`/dashboard/deliveries/${id}/retry`);
      expect(again.status).toBe(409);
      expect(textOf(await again.text())).toContain('この配信は再送できません');
    });

    it('never shows or retries another company’s delivery', async () => {
      const owner = await member();
      const { key } = await createKeyThroughForm(owner.client);
      const id = await notify(key);
      await markFailed(id);
      const other = await member();

      const detail = await other.client.get(`/dashboard/deliveries/${id}`);
      expect(detail.status).toBe(404);
      expect(textOf(await detail.text())).toContain('ページが見つかりません');
      expect((await other.client.post(`/dashboard/deliveries/${id}/retry`)).status).toBe(404);
      expect((await other.client.get('/dashboard/deliveries/not-a-uuid')).status).toBe(404);
      expect(await other.client.page('/dashboard/deliveries')).not.toContain(id);

      const ownersKeys = await owner.client.page('/dashboard/keys');
      const revoke = /action="(\/dashboard\/keys\/[0-9a-f-]+\/revoke)"/.exec(ownersKeys)?.[1] ?? '';
      expect((await other.client.post(revoke, { confirmed: '1' })).status).toBe(404);
      expect((await other.client.get(revoke)).status).toBe(404);
      expect(await owner.client.page('/dashboard/keys')).toContain(revoke);

      const [row] = await relay.database.db.select().from(deliveries).where(eq(deliveries.id, id));
      expect(row?.status).toBe('failed');
    });
  });

  describe('account', () => {
    it('changes the password: the current one must be right, the new one follows the rules', async () => {
      const { client, email } = await member();
      const wrong = await client.post('/dashboard/account/password', {
        currentPassword: 'not my password',
        newPassword: 'a new long passphrase',
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain('id="currentPassword-error">パスワードが違います。</p>');

      const short = await client.post('/dashboard/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
      });
      expect(short.status).toBe(400);
      expect(await short.text()).toContain('id="newPassword-error">パスワードは 10 文字以上にしてください。</p>');

      const other = new DashboardClient(relay.app);
      expect(locationOf(await other.post('/login', { email, password: TEST_PASSWORD }))).toBe('/dashboard');

      const changed = await client.post('/dashboard/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a new long passphrase',
      });
      expect(changed.status).toBe(303);
      expect(locationOf(changed)).toBe('/dashboard/account?notice=password_changed');
      expect((await client.get('/dashboard/account')).status).toBe(200);
      expect(locationOf(await other.get('/dashboard/account'))).toBe('/login?next=%2Fdashboard%2Faccount');
      const relogin = await new DashboardClient(relay.app).post('/login', { email, password: 'a new long passphrase' });
      expect(locationOf(relogin)).toBe('/dashboard');
    });

    it('exports the account’s data as a JSON download, with no secret in it', async () => {
      const { client, email, companyName } = await member();
      await client.post('/dashboard/chatwork', { token: CHATWORK_TOKEN });
      const { key } = await createKeyThroughForm(client, 'エクスポート用');
      const id = await notify(key);
      const other = await member();

      const response = await client.get('/dashboard/account/export');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="kintone2chatwork-export-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      const data = JSON.parse(text) as {
        company: { name: string };
        users: { email: string }[];
        connectionKeys: { label: string }[];
        chatwork: { accountId: string } | null;
        deliveries: { id: string }[];
      };
      expect(data.company.name).toBe(companyName);
      expect(data.users.map((user) => user.email)).toEqual([email]);
      expect(data.connectionKeys.map((item) => item.label)).toEqual(['エクスポート用']);
      expect(data.chatwork?.accountId).toBe('4242');
      expect(data.deliveries.map((delivery) => delivery.id)).toEqual([id]);
      expect(text).not.toContain(key);
      expect(text).not.toContain(CHATWORK_TOKEN);
      expect(text).not.toContain(other.email);
    });

    it('deletes the account after the password: keys refused at once, sessions closed, purge date shown', async () => {
      const { client, email } = await member();
      const { key } = await createKeyThroughForm(client);
      const page = await client.page('/dashboard/account');
      expect(textOf(page)).toContain('接続キーはすべてすぐに無効になり');
      expect(textOf(page)).toContain('30 日後に完全に消去されます');
      expect(page).toContain('data-confirm="アカウントを削除しますか？');

      const wrong = await client.post('/dashboard/account/delete', { password: 'not the password' });
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain('id="deletePassword-error">パスワードが違います。</p>');
      expect((await notify(key)).length).toBeGreaterThan(0);

      const deleted = await client.post('/dashboard/account/delete', { password: TEST_PASSWORD, confirmed: '1' });
      expect(deleted.status).toBe(200);
      const html = await deleted.text();
      expectCspClean(html);
      expect(textOf(html)).toContain('アカウントを削除しました');
      const purge = new Date(Date.now() + 30 * 24 * 3600_000);
      const purgeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(purge).replaceAll('-', '/');
      expect(textOf(html)).toContain(`${purgeDay} 以降に完全に消去されます`);
      expect(client.cookies.has('k2c_session')).toBe(false);

      const refused = await relay.app.request(
        '/v1/notifications',
        jsonRequest('POST', sampleNotification({ recordId: '99' }), { Authorization: `Bearer ${key}` }),
      );
      expect(refused.status).toBe(401);

      // The owner cannot come back in: the account is gone for them, though its data waits for the purge.
      const login = await new DashboardClient(relay.app).post('/login', { email, password: TEST_PASSWORD });
      expect(login.status).toBe(401);
    });
  });

  describe('contact', () => {
    it('takes an inquiry from anyone, linked to the account when logged in', async () => {
      const visitor = new DashboardClient(relay.app);
      const invalid = await visitor.post('/contact', { name: '', email: 'x', message: '' });
      expect(invalid.status).toBe(400);
      const invalidHtml = await invalid.text();
      expect(invalidHtml).toContain('id="name-error">入力してください。</p>');
      expect(invalidHtml).toContain('id="email-error">メールアドレスの形式で入力してください');
      expect(invalidHtml).toContain('id="message-error">入力してください。</p>');

      const sent = await visitor.post('/contact', {
        name: '山田',
        email: 'yamada@example.com',
        message: '料金について',
      });
      expect(sent.status).toBe(303);
      expect(locationOf(sent)).toBe('/contact/thanks');
      expect(textOf(await visitor.page('/contact/thanks'))).toContain('お問い合わせありがとうございます');

      const { client, email } = await member();
      expect(await client.page('/contact')).toContain(`value="${email}"`);
      await client.post('/contact', { name: '佐藤', email, message: '<script>alert(1)</script>' });

      const rows = await relay.database.db.select().from(inquiries);
      expect(rows.find((row) => row.name === '山田')).toMatchObject({ tenantId: null, message: '料金について' });
      expect(rows.find((row) => row.name === '佐藤')?.tenantId).not.toBeNull();
    });
  });
});
