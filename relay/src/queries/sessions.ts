import { type Db, sessions, tenants, users } from '@k2c/db';
import { and, eq, gt, lt, ne } from '@k2c/db/operators';

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

/** Deletes every session of the user, or all but `exceptId`; returns how many were closed. */
export async function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Expired sessions can never log anyone in again; the cleanup job removes them. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}
