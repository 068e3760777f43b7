import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@k2c/db';
import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import type { RuleSet } from '@k2c/rules';
import { createApp } from '../app';
import type { AppDeps } from '../app-deps';
import { createStripe } from '../billing/stripe-client';
import { ChatworkClient } from '../chatwork/chatwork-client';
import { parseKeyring } from '../crypto/keyring';
import { parseEnv } from '../env';
import { createLogger } from '../logger';
import type { Mailer, MailMessage } from '../mail/mailer';
import { createMemoryMailer } from '../mail/memory-mailer';
import { signUp } from '../services/accounts';
import { createConnectionKey } from '../services/connection-keys';

export interface TestRelay {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: TestDatabase;
  /** Every log line written, to assert on what is (and is not) logged. */
  logs: string[];
  /** Mail the relay sent (kept in memory unless a mailer was passed in). */
  mails: MailMessage[];
  close(): Promise<void>;
}

/** The HTTP app on a fresh test database, with a throwaway encryption key. */
export async function createTestRelay(
  options: { chatworkUrl?: string; env?: Record<string, string>; mailer?: Mailer; now?: () => Date } = {},
): Promise<TestRelay> {
  const database = await openTestDb();
  const env = parseEnv({
    NODE_ENV: 'test',
    KINTONE_ALLOW_LOOPBACK: 'true',
    // Port 9 (discard) refuses connections: a test that forgets the fake fails loudly.
    CHATWORK_API_URL: options.chatworkUrl ?? 'http://127.0.0.1:9/v2',
    ...options.env,
  });
  const logs: string[] = [];
  const memoryMailer = createMemoryMailer();
  const deps: AppDeps = {
    db: database.db,
    env,
    keyring: parseKeyring(`test:${randomBytes(32).toString('base64')}`),
    chatwork: new ChatworkClient({ baseUrl: env.CHATWORK_API_URL, timeoutMs: 2_000 }),
    logger: createLogger('debug', (line) => logs.push(line)),
    mailer: options.mailer ?? memoryMailer,
    // Billing only when the test's env names a Stripe server (STRIPE_SECRET_KEY, STRIPE_API_URL).
    stripe: createStripe(env),
    now: options.now ?? (() => new Date()),
  };
  return {
    app: createApp(deps),
    deps,
    database,
    logs,
    mails: memoryMailer.sent,
    close: () => database.close(),
  };
}

/**
 * A clock running at real speed but started just after a fixed window of `windowMs` began, so
 * that the requests of a rate-limit test all fall into one window.
 */
export function clockAtWindowStart(windowMs: number): () => Date {
  const real = Date.now();
  const offset = real - (Math.floor(real / windowMs) * windowMs + 1_000);
  return () => new Date(Date.now() - offset);
}

/** A tenant of its own for each test, with a live connection key. */
export async function createTenantWithKey(db: Db, companyName = 'テスト株式会社') {
  const account = await signUp(db, {
    email: `owner-${randomUUID()}@example.com`,
    password: 'correct horse battery staple',
    companyName,
  });
  const { key, id: keyId } = await createConnectionKey(db, account.tenant.id, 'kintone');
  return { tenantId: account.tenant.id, email: account.user.email, key, keyId };
}

export function sampleRuleSet(overrides: Partial<RuleSet['rules'][number]> = {}): RuleSet {
  return {
    version: 1,
    rules: [
      {
        id: 'r1',
        name: '新規問い合わせ',
        enabled: true,
        events: ['create', 'edit'],
        roomId: '1001',
        template: '[info][title]{{$appName}}: {{title}}[/title]{{detail}}\n{{$recordUrl}}[/info]',
        conditions: { match: 'all', items: [] },
        changedFields: [],
        mentions: { accountIds: [], toAll: false, userMap: {} },
        ...overrides,
      },
    ],
  };
}

/** A NotificationRequest as kintone's proxy delivers it, stored proxy data merged in. */
export function sampleNotification(overrides: Record<string, unknown> = {}) {
  return {
    event: 'create',
    appId: '12',
    recordId: '34',
    revision: '1',
    record: {
      title: { type: 'SINGLE_LINE_TEXT', value: '見積もり依頼' },
      detail: { type: 'MULTI_LINE_TEXT', value: '10台分の見積もりをお願いします' },
    },
    user: { code: 'sato', name: '佐藤' },
    rules: JSON.stringify(sampleRuleSet()),
    kintoneHost: 'example.cybozu.com',
    appName: '問い合わせ管理',
    ...overrides,
  };
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
