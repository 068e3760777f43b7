import { tenants, users } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRelay, type TestRelay } from '../testing/test-relay';
import { signUpThroughForm } from './testing/accounts';
import { DashboardClient, expectCspClean, locationOf, textOf } from './testing/dashboard-client';

const DASHBOARD_PAGES = [
  ['/dashboard', '概要', 'Overview'],
  ['/dashboard/chatwork', 'ChatWork の接続', 'ChatWork connection'],
  ['/dashboard/keys', '接続キー', 'Connection keys'],
  ['/dashboard/deliveries', '配信ログ', 'Delivery log'],
  ['/dashboard/plugin', 'kintone プラグイン', 'kintone plug-in'],
  ['/dashboard/billing', '料金プラン', 'Plans'],
  ['/dashboard/account', 'アカウント', 'Account'],
] as const;

const PUBLIC_PAGES = [
  ['/login', 'ログイン', 'Log in'],
  ['/signup', 'アカウントを作成', 'Create your account'],
  ['/password/forgot', 'パスワードの再設定', 'Reset your password'],
  ['/contact', 'お問い合わせ', 'Contact'],
  ['/privacy', 'プライバシーポリシー', 'Privacy policy'],
] as const;

function h1(html: string): string {
  return textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
}

describe('dashboard pages', () => {
  let relay: TestRelay;
  let member: DashboardClient;
  let companyName: string;

  beforeAll(async () => {
    relay = await createTestRelay();
    member = new DashboardClient(relay.app);
    ({ companyName } = await signUpThroughForm(member, '<b>エスケープ</b>株式会社'));
  });
  afterAll(() => relay.close());

  it('sends visitors without a session to the login page, and back to where they were going afterwards', async () => {
    const visitor = new DashboardClient(relay.app);
    const root = await visitor.get('/');
    expect(root.status).toBe(303);
    expect(locationOf(root)).toBe('/login');
    for (const [path] of DASHBOARD_PAGES) {
      const response = await visitor.get(path);
      expect(response.status, path).toBe(303);
      expect(locationOf(response)).toBe(path === '/dashboard' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
    }
    const post = await visitor.post('/dashboard/keys', { label: 'x' });
    expect(post.status).toBe(303);
    expect(locationOf(post)).toBe('/login');
    const login = await visitor.page('/login?next=%2Fdashboard%2Fkeys');
    expect(login).toContain('<input type="hidden" name="next" value="/dashboard/keys"/>');

    expect(locationOf(await member.get('/'))).toBe('/dashboard');
    expect(locationOf(await member.get('/login'))).toBe('/dashboard');
  });

  it('renders every page in Japanese by default, with the menu marking where the reader is', async () => {
    for (const [path, ja] of DASHBOARD_PAGES) {
      const html = await member.page(path);
      expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
      expect(h1(html), path).toBe(ja);
      expect(html).toContain(`<a href="${path}" aria-current="page">`);
      expect(html).toContain('<nav class="main-nav" aria-label="メインメニュー">');
      expect(html).toContain('<button type="submit" class="link-button">ログアウト</button>');
    }
    for (const [path, ja] of PUBLIC_PAGES) {
      const html = await new DashboardClient(relay.app).page(path);
      expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
      expect(h1(html), path).toBe(ja);
    }
  });

  it('renders every page in English for a browser that asks for it or a reader who chose it', async () => {
    const english = new DashboardClient(relay.app, { 'Accept-Language': 'en-GB,en;q=0.9,ja;q=0.5' });
    for (const [path, , en] of PUBLIC_PAGES) {
      const html = await english.page(path);
      expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
      expect(h1(html), path).toBe(en);
    }

    const switched = await member.get('/dashboard/deliveries?status=failed&lang=en');
    expect(switched.status).toBe(302);
    expect(locationOf(switched)).toBe('/dashboard/deliveries?status=failed');
    expect(switched.headers.get('set-cookie')).toMatch(
      /^k2c_lang=en; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/,
    );
    for (const [path, , en] of DASHBOARD_PAGES) {
      const html = await member.page(path);
      expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
      expect(h1(html), path).toBe(en);
      expect(html).toContain('<button type="submit" class="link-button">Log out</button>');
    }
    // The switch in the header leads to the same page in the other language, filters kept.
    const log = await member.page('/dashboard/deliveries?status=failed');
    expect(log).toContain('href="/dashboard/deliveries?status=failed&amp;lang=ja"');
    expect(log).toContain('<option value="failed" selected="">Failed</option>');

    await member.get('/dashboard?lang=ja');
    expect(await member.page('/dashboard')).toMatch(/^<!DOCTYPE html><html lang="ja">/);
  });

  it('uses no inline script, style or handler, and nothing from another origin (CSP)', async () => {
    const visitor = new DashboardClient(relay.app);
    for (const [path] of [...DASHBOARD_PAGES, ...PUBLIC_PAGES]) {
      const html = await (path.startsWith('/dashboard') ? member : visitor).page(path);
      expectCspClean(html);
      expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/dashboard\.css\?v=[0-9a-f]{12}"\/>/);
      expect(html).toMatch(/<script src="\/assets\/dashboard\.js\?v=[0-9a-f]{12}" defer=""><\/script>/);
    }
    const response = await member.get('/dashboard');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves its own stylesheet, script and icon, cacheable for good under their content hash', async () => {
    const html = await member.page('/dashboard');
    const assets = [
      [/href="(\/assets\/dashboard\.css\?v=\w+)"/, 'text/css'],
      [/src="(\/assets\/dashboard\.js\?v=\w+)"/, 'text/javascript'],
      [/href="(\/assets\/favicon\.svg\?v=\w+)"/, 'image/svg+xml'],
    ] as const;
    for (const [pattern, type] of assets) {
      const path = pattern.exec(html)?.[1] ?? 'missing';
      const response = await relay.app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await relay.app.request('/assets/dashboard.css')).headers.get('cache-control')).toBe('no-cache');
    expect((await relay.app.request('/assets/secrets.txt')).status).toBe(404);
    expect((await relay.app.request('/assets/..%2Fapp.ts')).status).toBe(404);
  });

  it('escapes what people typed: a company name with markup is shown as text', async () => {
    const html = await member.page('/dashboard');
    expect(companyName).toContain('<b>');
    expect(html).toContain('&lt;b&gt;エスケープ&lt;/b&gt;株式会社');
    expect(html).not.toContain('<b>エスケープ</b>');
  });

  it('answers an unknown dashboard page with a 404 page in the reader’s language', async () => {
    const response = await member.get('/dashboard/nothing-here');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(h1(html)).toBe('ページが見つかりません');
    expectCspClean(html);
  });

  it('shows the getting-started steps, the plan and the ChatWork status on the overview', async () => {
    const html = await member.page('/dashboard');
    const text = textOf(html);
    expect(text).toContain('はじめに');
    expect(text).toContain('フリー');
    expect(text).toContain('0 / 100 件');
    expect(text).toContain('未接続');
    expect(text).toContain('過去 30 日の配信はまだありません。');
    expect(html).toContain('href="/dashboard/deliveries?status=held"');
    expect(html).toMatch(/href="\/dashboard\/deliveries\?status=failed&amp;from=\d{4}-\d{2}-\d{2}"/);
    // The chart is SVG drawn on the server, with the same numbers as a table.
    expect(html).toContain('<svg class="chart-svg"');
    expect(html).toContain('aria-labelledby="chart-title chart-summary"');
    expect((html.match(/<tr><th scope="row"><time datetime="\d{4}-\d{2}-\d{2}">/g) ?? []).length).toBe(30);
  });

  it('explains the plug-in set-up with this relay’s own URL and the download link', async () => {
    const text = textOf(await member.page('/dashboard/plugin'));
    expect(text).toContain('「kintone システム管理」');
    expect(text).toContain('「プラグイン」→「読み込む」');
    expect(text).toContain('「プラグイン」→「プラグインの追加」');
    expect(text).toContain('アプリを更新');
    expect(text).toContain('レコード閲覧');
    const html = await member.page('/dashboard/plugin');
    expect(html).toContain('href="/download/plugin.zip"');
    expect(html).toContain('value="http://localhost"');
  });

  it('lists the plans with their prices in yen, without an upgrade button when billing is not set up', async () => {
    const html = await member.page('/dashboard/billing');
    const text = textOf(html);
    expect(text).toContain('フリー');
    expect(text).toContain('スタンダード');
    expect(text).toContain('3,000 円');
    expect(text).toContain('月 10,000 件まで');
    expect(text).toContain('この通知サービスでは、オンラインでのプラン変更を受け付けていません。');
    expect(html).toContain('<span class="badge badge-current">ご利用中</span>');
    expect(html).not.toMatch(/<button[^>]*>[^<]*(アップグレード|Upgrade)/);
  });

  it('shows a paid plan whose payment failed as waiting for payment, on the plans page and the overview', async () => {
    const client = new DashboardClient(relay.app);
    const { email } = await signUpThroughForm(client, '支払い待ち株式会社');
    const { db } = relay.database;
    const [user] = await db.select().from(users).where(eq(users.email, email));
    await db
      .update(tenants)
      .set({ planCode: 'standard', planStatus: 'past_due', planGraceUntil: new Date(Date.now() + 86_400_000) })
      .where(eq(tenants.id, user?.tenantId ?? ''));
    const billing = textOf(await client.page('/dashboard/billing'));
    expect(billing).toContain('スタンダード');
    expect(billing).toContain('お支払い待ち（猶予期間中）');
    expect(billing).toContain('0 / 10,000 件');
    expect(textOf(await client.page('/dashboard'))).toContain('スタンダード お支払い待ち（猶予期間中）');
  });

  it('states in both languages what is kept, for how long, who receives what, and what cookies are for', async () => {
    const ja = textOf(await new DashboardClient(relay.app).page('/privacy'));
    for (const phrase of [
      '12 か月',
      '最長 7 日間',
      '対応を終えてから 24 か月',
      '30 日後にすべて消去',
      'Stripe',
      'カード番号',
      'API トークン',
      'ログイン状態',
      '表示言語',
    ]) {
      expect(ja).toContain(phrase);
    }
    const en = textOf(await new DashboardClient(relay.app, { 'Accept-Language': 'en' }).page('/privacy'));
    for (const phrase of [
      '12 months',
      'up to 7 days',
      '24 months after they are closed',
      'Purged 30 days later',
      'Stripe',
      'card numbers',
      'API token',
      'keep you logged in',
      'language choice',
    ]) {
      expect(en).toContain(phrase);
    }
  });
});
