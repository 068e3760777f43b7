import { type Db, withTenant } from '@k2c/db';
import { readAccountData } from '../queries/account-data';
import { summarise } from './delivery-log';

/**
 * Every personal datum held about the account, as JSON: company, users, sessions and reset links
 * (times only — their secrets are stored as hashes and are not data about the person), keys (label
 * and hint), the ChatWork connection (account, token hint), the delivery log with any message
 * still stored, usage and inquiries.
 */
export async function exportAccount(db: Db, tenantId: string): Promise<Record<string, unknown>> {
  const data = await withTenant(db, tenantId, (tx) => readAccountData(tx, tenantId));
  const [tenant] = data.tenant;
  return {
    format: 'kintone2chatwork-export/1',
    exportedAt: new Date().toISOString(),
    company: tenant && {
      id: tenant.id,
      name: tenant.name,
      plan: tenant.planCode,
      createdAt: tenant.createdAt,
      deletionRequestedAt: tenant.deletionRequestedAt,
      purgeAfter: tenant.purgeAfter,
    },
    users: data.users,
    sessions: data.sessions,
    passwordResets: data.passwordResets,
    connectionKeys: data.connectionKeys,
    chatwork: data.chatwork[0] ?? null,
    deliveries: data.deliveries.map((row) => ({ ...summarise(row), message: row.body })),
    usage: data.usage,
    inquiries: data.inquiries,
  };
}
