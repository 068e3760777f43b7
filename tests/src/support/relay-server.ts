import { randomBytes } from 'node:crypto';
import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { createLogger, parseEnv, type RunningRelay, startRelay } from '@k2c/relay';

export interface TestRelayServer extends RunningRelay {
  database: TestDatabase;
  logs: string[];
}

/**
 * A real relay on a random port and a fresh test database, as `pnpm start` runs it, with
 * workers polling fast so tests do not wait on timers.
 */
export async function startTestRelayServer(options: {
  chatworkUrl: string;
  env?: Record<string, string>;
  /** The relay's clock; by default the real one. */
  now?: () => Date;
}): Promise<TestRelayServer> {
  const database = await openTestDb();
  const logs: string[] = [];
  const relay = await startRelay({
    env: parseEnv({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      CHATWORK_API_URL: options.chatworkUrl,
      KINTONE_ALLOW_LOOPBACK: 'true',
      ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
      ...options.env,
    }),
    database,
    logger: createLogger('debug', (line) => logs.push(line)),
    workers: 1,
    pollIntervalMs: 100,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...relay,
    database,
    logs,
    async close() {
      await relay.close();
      await database.close();
    },
  };
}

/** The password of every account connectAccount signs up, for logging in again. */
export const ACCOUNT_PASSWORD = 'a long enough passphrase';

export interface ConnectedAccount {
  /** The account's login, with ACCOUNT_PASSWORD. */
  email: string;
  /** The session cookie (`name=value`) for further account API calls. */
  cookie: string;
  connectionKey: string;
  /** The key's id, for `DELETE /api/connection-keys/:id`. */
  keyId: string;
}

export interface IssuedKey {
  id: string;
  key: string;
}

async function call(url: string, init: RequestInit & { cookie?: string }, expected: number): Promise<Response> {
  const { cookie, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
  });
  if (response.status !== expected)
    throw new Error(`${init.method} ${url} → ${response.status}: ${await response.text()}`);
  return response;
}

/** Signs a company up, connects its ChatWork token and issues a key, through the public account API. */
export async function connectAccount(relayUrl: string, chatworkToken: string): Promise<ConnectedAccount> {
  const email = `owner-${randomBytes(6).toString('hex')}@example.com`;
  const signup = await call(
    `${relayUrl}/api/signup`,
    {
      method: 'POST',
      body: JSON.stringify({ email, password: ACCOUNT_PASSWORD, companyName: '株式会社サンプル' }),
    },
    201,
  );
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await call(
    `${relayUrl}/api/chatwork-token`,
    { method: 'PUT', cookie, body: JSON.stringify({ token: chatworkToken }) },
    200,
  );
  const { id, key } = await createConnectionKey(relayUrl, cookie, 'kintone');
  return { email, cookie, connectionKey: key, keyId: id };
}

/** Issues one more connection key for the signed-in account (`POST /api/connection-keys`). */
export async function createConnectionKey(relayUrl: string, cookie: string, label: string): Promise<IssuedKey> {
  const response = await call(
    `${relayUrl}/api/connection-keys`,
    { method: 'POST', cookie, body: JSON.stringify({ label }) },
    201,
  );
  const { id, key } = (await response.json()) as IssuedKey;
  return { id, key };
}

/** Revokes a connection key at once (`DELETE /api/connection-keys/:id`), as the dashboard does. */
export async function revokeConnectionKey(relayUrl: string, cookie: string, keyId: string): Promise<void> {
  await call(`${relayUrl}/api/connection-keys/${encodeURIComponent(keyId)}`, { method: 'DELETE', cookie }, 204);
}
