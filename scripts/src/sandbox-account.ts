/** The relay's public account API, as a new customer goes through it (contract 2). */

export interface SandboxAccount {
  email: string;
  password: string;
  /** `name=value` of the session cookie. */
  cookie: string;
  connectionKey: string;
}

async function call(url: string, init: { method: string; body?: unknown; cookie?: string }, expected: number) {
  const response = await fetch(url, {
    method: init.method,
    headers: { 'Content-Type': 'application/json', ...(init.cookie ? { Cookie: init.cookie } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status !== expected) {
    throw new Error(`${init.method} ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response;
}

/** Signs up, connects the ChatWork token (checked by the relay with ChatWork's GET /me) and issues a key. */
export async function setUpSandboxAccount(
  relayUrl: string,
  input: { email: string; password: string; companyName: string; chatworkToken: string },
): Promise<SandboxAccount> {
  const signup = await call(
    `${relayUrl}/api/signup`,
    { method: 'POST', body: { email: input.email, password: input.password, companyName: input.companyName } },
    201,
  );
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await call(`${relayUrl}/api/chatwork-token`, { method: 'PUT', cookie, body: { token: input.chatworkToken } }, 200);
  const key = await call(
    `${relayUrl}/api/connection-keys`,
    { method: 'POST', cookie, body: { label: 'サンドボックスの kintone' } },
    201,
  );
  const { key: connectionKey } = (await key.json()) as { key: string };
  return { email: input.email, password: input.password, cookie, connectionKey };
}
