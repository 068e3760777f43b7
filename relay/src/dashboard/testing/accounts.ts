import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type DashboardClient, locationOf } from './dashboard-client';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Signs a new company up through the sign-up form; the client then holds its session. */
export async function signUpThroughForm(client: DashboardClient, companyName = 'テスト株式会社') {
  const email = `owner-${randomUUID()}@example.com`;
  const response = await client.post('/signup', { companyName, email, password: TEST_PASSWORD });
  expect(response.status).toBe(303);
  expect(locationOf(response)).toBe('/dashboard?notice=welcome');
  return { email, companyName };
}

/** Creates a connection key through the keys page and reads it from the page, as a person would. */
export async function createKeyThroughForm(client: DashboardClient, label = 'kintone') {
  const response = await client.post('/dashboard/keys', { label });
  expect(response.status).toBe(200);
  const html = await response.text();
  const key = /id="new-key"[^>]*value="(k2c_[^"]+)"|value="(k2c_[^"]+)"[^>]*id="new-key"/.exec(html);
  const found = key?.[1] ?? key?.[2];
  if (!found) throw new Error('the keys page did not show the new key');
  return { key: found, html };
}
