import { type Db, sessions, tenants, users } from '@k2c/db';
import { and, eq, gt } from '@k2c/db/operators';

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; tenantId: string; secretHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findLiveSession(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email },
      tenant: { id: tenants.id, name: tenants.name },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}
