import { connectionKeys, type Db, tenants } from '@k2c/db';
import { and, desc, eq, isNull } from '@k2c/db/operators';

export async function insertConnectionKey(
  db: Db,
  tenantId: string,
  key: { label: string; keyHash: string; hint: string },
) {
  const [row] = await db
    .insert(connectionKeys)
    .values({ tenantId, ...key })
    .returning({ id: connectionKeys.id, label: connectionKeys.label, createdAt: connectionKeys.createdAt });
  if (!row) throw new Error('connection key insert returned nothing');
  return row;
}

/** The tenant a live (not revoked) key belongs to, with its plan: one indexed read per request. */
export async function findLiveConnectionKey(db: Db, keyHash: string) {
  const [row] = await db
    .select({
      keyId: connectionKeys.id,
      tenantId: connectionKeys.tenantId,
      lastUsedAt: connectionKeys.lastUsedAt,
      planCode: tenants.planCode,
      planStatus: tenants.planStatus,
      planGraceUntil: tenants.planGraceUntil,
    })
    .from(connectionKeys)
    .innerJoin(tenants, eq(tenants.id, connectionKeys.tenantId))
    .where(and(eq(connectionKeys.keyHash, keyHash), isNull(connectionKeys.revokedAt)))
    .limit(1);
  return row;
}

export async function touchConnectionKey(db: Db, keyId: string, now: Date): Promise<void> {
  await db.update(connectionKeys).set({ lastUsedAt: now }).where(eq(connectionKeys.id, keyId));
}

export function listConnectionKeys(db: Db, tenantId: string) {
  return db
    .select({
      id: connectionKeys.id,
      label: connectionKeys.label,
      hint: connectionKeys.hint,
      createdAt: connectionKeys.createdAt,
      lastUsedAt: connectionKeys.lastUsedAt,
    })
    .from(connectionKeys)
    .where(and(eq(connectionKeys.tenantId, tenantId), isNull(connectionKeys.revokedAt)))
    .orderBy(desc(connectionKeys.createdAt));
}

export async function revokeConnectionKey(db: Db, tenantId: string, keyId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(connectionKeys)
    .set({ revokedAt: now })
    .where(and(eq(connectionKeys.tenantId, tenantId), eq(connectionKeys.id, keyId), isNull(connectionKeys.revokedAt)))
    .returning({ id: connectionKeys.id });
  return rows.length > 0;
}
