import { type Db, withTenant } from '@k2c/db';
import { randomToken, secretHint, sha256Hex } from '../crypto/secrets';
import { AppError } from '../errors';
import {
  findLiveConnectionKey,
  insertConnectionKey,
  listConnectionKeys,
  revokeConnectionKey,
  touchConnectionKey,
} from '../queries/connection-keys';

const KEY_PREFIX = 'k2c_';

/** Creates a key and returns it in clear: the only time it is ever shown. */
export async function createConnectionKey(db: Db, tenantId: string, label: string) {
  const key = `${KEY_PREFIX}${randomToken(32)}`;
  const row = await withTenant(db, tenantId, (tx) =>
    insertConnectionKey(tx, tenantId, { label, keyHash: sha256Hex(key), hint: secretHint(key) }),
  );
  return { id: row.id, label: row.label, key };
}

/** "Last used" is for people; a minute of precision saves a write on nearly every request. */
const LAST_USED_PRECISION_MS = 60_000;

/** The stored form of a key; anything that is not one of our keys is turned away before any lookup. */
export function connectionKeyHash(key: string): string {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) {
    throw new AppError('unauthorized', 'The connection key is not valid');
  }
  return sha256Hex(key);
}

export async function authenticateConnectionKey(db: Db, key: string, now: Date) {
  const keyHash = connectionKeyHash(key);
  const found = await findLiveConnectionKey(db, keyHash);
  if (!found) throw new AppError('unauthorized', 'The connection key is not valid or has been revoked');
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await touchConnectionKey(db, found.keyId, now);
  }
  return {
    tenantId: found.tenantId,
    keyId: found.keyId,
    plan: { planCode: found.planCode, planStatus: found.planStatus, planGraceUntil: found.planGraceUntil },
  };
}

export async function listKeys(db: Db, tenantId: string) {
  const rows = await withTenant(db, tenantId, (tx) => listConnectionKeys(tx, tenantId));
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    hint: row.hint,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function revokeKey(db: Db, tenantId: string, keyId: string, now: Date): Promise<void> {
  if (!(await withTenant(db, tenantId, (tx) => revokeConnectionKey(tx, tenantId, keyId, now)))) {
    throw new AppError('not_found', 'No such connection key');
  }
}
