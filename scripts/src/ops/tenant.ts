import type { Db } from '@k2c/db';
import { type Env, tenantStatus } from '@k2c/relay';
import type { Print } from './inquiries';

/** `ops tenant <id or e-mail>`: status and usage; only hints of keys and tokens, never the secrets. */
export async function printTenant(db: Db, env: Env, idOrEmail: string, now: Date, print: Print): Promise<boolean> {
  const status = await tenantStatus(db, env, idOrEmail, now);
  if (!status) {
    print(`テナントが見つかりません / No tenant matches ${idOrEmail}.`);
    return false;
  }
  print(`${status.name}  (${status.id}), created ${status.createdAt}`);
  if (status.deletion)
    print(`  deletion requested ${status.deletion.requestedAt}, purged after ${status.deletion.purgeAfter}`);
  print(`  plan ${status.plan.code}: ${status.plan.usedThisMonth} / ${status.plan.monthlyQuota} messages this month`);
  print(`  users: ${status.users.join(', ') || '-'}`);
  print(
    `  ChatWork: ${status.chatwork ? `${status.chatwork.accountName} (${status.chatwork.accountId}), token …${status.chatwork.tokenHint}, ${status.chatwork.status}` : 'not connected'}`,
  );
  for (const key of status.connectionKeys) {
    const state = key.revokedAt
      ? `revoked ${key.revokedAt.toISOString()}`
      : `last used ${key.lastUsedAt?.toISOString() ?? 'never'}`;
    print(`  key "${key.label}" …${key.hint}: ${state}`);
  }
  const counts = Object.entries(status.deliveries).map(([state, n]) => `${state} ${n}`);
  print(
    `  deliveries: ${counts.join(', ') || 'none'}; last ${status.lastDeliveryAt ? new Date(status.lastDeliveryAt).toISOString() : '-'}`,
  );
  return true;
}
