import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRelay, type TestRelay } from '../testing/test-relay';
import { signUpThroughForm, TEST_PASSWORD } from './testing/accounts';
import { DashboardClient, expectCspClean, locationOf, textOf } from './testing/dashboard-client';

describe('dashboard sign-up, login, logout and password reset', () => {
  let relay: TestRelay;

  beforeAll(async () => {
    relay = await createTestRelay();
  });
  afterAll(() => relay.close());

  it('shows each sign-up mistake next to its field, keeps what was typed and never echoes the password', async () => {
    const visitor = new DashboardClient(relay.app);
    const response = await visitor.post('/signup', {
      companyName: '',
      email: 'not-an-address',
      password: 'short-pw',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expectCspClean(html);
    expect(html).toContain('<p class="field-error" id="companyName-error">入力してください。</p>');
    expect(html).toContain('id="email-error">メールアドレスの形式で入力してください');
    expect(html).toContain('id="password-error">パスワードは 10 文字以上にしてください。</p>');
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('aria-invalid="true" aria-describedby="password-hint password-error"');
    expect(html).not.toContain('short-pw');
    expect(html).toContain('role="alert"');
    expect(visitor.cookies.has('k2c_session')).toBe(false);
  });

  it('signs up, logs in at once, and refuses a second account for the same address', async () => {
    const visitor = new DashboardClient(relay.app);
    const { email } = await signUpThroughForm(visitor, '二重登録株式会社');
    expect(visitor.cookies.get('k2c_session')).toMatch(/^[\w-]+\.[\w-]+$/);
    const welcome = await visitor.page('/dashboard?notice=welcome');
    expect(textOf(welcome)).toContain('アカウントを作成しました。まず ChatWork を接続しましょう。');

    const again = await new DashboardClient(relay.app).post('/signup', {
      companyName: '別の会社',
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('id="email-error">このメールアドレスのアカウントはすでにあります。');
    expect(html).toContain('value="別の会社"');
    expect(html).not.toContain(TEST_PASSWORD);
  });

  it('logs in with the right password, to the page asked for; a wrong one is refused without saying which part', async () => {
    const owner = new DashboardClient(relay.app);
    const { email } = await signUpThroughForm(owner);

    const visitor = new DashboardClient(relay.app);
    const wrong = await visitor.post('/login', { email, password: 'wrong password!', next: '/dashboard/keys' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(textOf(html)).toContain('メールアドレスまたはパスワードが違います。');
    expect(html).toContain(`value="${email}"`);
    expect(html).toContain('<input type="hidden" name="next" value="/dashboard/keys"/>');
    expect(html).not.toContain('wrong password!');

    const unknown = await visitor.post('/login', {
      email: `nobody-${randomUUID()}@example.com`,
      password: 'whatever it is',
    });
    expect(unknown.status).toBe(401);
    expect(textOf(await unknown.text())).toContain('メールアドレスまたはパスワードが違います。');

    const empty = await visitor.post('/login', { email: '', password: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('id="password-error">入力してください。</p>');

    const right = await visitor.post('/login', {
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
      next: '/dashboard/keys',
    });
    expect(right.status).toBe(303);
    expect(locationOf(right)).toBe('/dashboard/keys');
    expect(right.headers.get('set-cookie')).toMatch(
      /^k2c_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    expect((await visitor.get('/dashboard/keys')).status).toBe(200);
  });

  it('never sends a login anywhere but a dashboard page of this site', async () => {
    const owner = new DashboardClient(relay.app);
    const { email } = await signUpThroughForm(owner);
    for (const next of [
      'https://evil.example/',
      '//evil.example/dashboard',
      '/dashboard\\@evil.example',
      '/api/export',
      'javascript:alert(1)',
    ]) {
      const visitor = new DashboardClient(relay.app);
      const response = await visitor.post('/login', { email, password: TEST_PASSWORD, next });
      expect(locationOf(response), next).toBe('/dashboard');
    }
    const page = await new DashboardClient(relay.app).page('/login?next=https%3A%2F%2Fevil.example%2F');
    expect(page).not.toContain('evil.example');
  });

  it('logs out: the session is closed on the server, not only forgotten by the browser', async () => {
    const owner = new DashboardClient(relay.app);
    await signUpThroughForm(owner);
    const session = owner.cookies.get('k2c_session') ?? '';
    const response = await owner.post('/logout');
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe('/login?notice=logged_out');
    expect(owner.cookies.has('k2c_session')).toBe(false);
    expect(textOf(await owner.page('/login?notice=logged_out'))).toContain('ログアウトしました。');

    const replayed = await relay.app.request('/dashboard', { headers: { Cookie: `k2c_session=${session}` } });
    expect(replayed.status).toBe(303);
    expect(locationOf(replayed)).toBe('/login');
  });

  it('refuses a form posted from another site (CSRF): nothing is created', async () => {
    const owner = new DashboardClient(relay.app);
    await signUpThroughForm(owner);
    const response = await owner.post(
      '/dashboard/keys',
      { label: 'from elsewhere' },
      { Origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    const keys = await owner.page('/dashboard/keys');
    expect(keys).not.toContain('from elsewhere');
  });

  it('mails a reset link; the link sets a new password once, and every old session ends', async () => {
    const owner = new DashboardClient(relay.app);
    const { email } = await signUpThroughForm(owner);

    const unknown = await new DashboardClient(relay.app).post('/password/forgot', {
      email: `nobody-${randomUUID()}@example.com`,
    });
    const known = await new DashboardClient(relay.app).post('/password/forgot', { email });
    // The same answer whether or not there is an account for the address.
    for (const response of [unknown, known]) {
      expect(response.status).toBe(303);
      expect(locationOf(response)).toBe('/login?notice=reset_requested');
    }
    await expect.poll(() => relay.mails.length).toBe(1);
    const mail = relay.mails[0];
    expect(mail?.to).toBe(email);
    const link = /http:\/\/localhost\/password\/reset\?token=\S+/.exec(mail?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    const path = new URL(link).pathname + new URL(link).search;
    const token = new URL(link).searchParams.get('token') ?? '';

    const visitor = new DashboardClient(relay.app);
    const form = await visitor.page(path);
    expect(form).toContain(`<input type="hidden" name="token" value="${token}"/>`);
    const tooShort = await visitor.post('/password/reset', { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(await tooShort.text()).toContain('パスワードは 10 文字以上にしてください。');

    const newPassword = 'a brand new passphrase';
    const done = await visitor.post('/password/reset', { token, password: newPassword });
    expect(done.status).toBe(303);
    expect(locationOf(done)).toBe('/login?notice=password_reset');
    expect(locationOf(await owner.get('/dashboard'))).toBe('/login');

    const reused = await visitor.post('/password/reset', { token, password: 'yet another passphrase' });
    expect(reused.status).toBe(400);
    const reusedHtml = await reused.text();
    expect(textOf(reusedHtml)).toContain('このリンクは無効か、有効期限が切れています。');
    expect(reusedHtml).not.toContain('name="token"');

    const login = await new DashboardClient(relay.app).post('/login', { email, password: newPassword });
    expect(locationOf(login)).toBe('/dashboard');
  });

  it('says a reset link without a token is not valid', async () => {
    const html = await new DashboardClient(relay.app).page('/password/reset');
    expect(textOf(html)).toContain('このリンクは無効か、有効期限が切れています。');
    expect(html).not.toContain('name="password"');
  });
});
