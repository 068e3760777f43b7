import { type Db, passwordResets } from '@k2c/db';
import { and, eq, gt, isNull, lt, ne } from '@k2c/db/operators';

export async function insertPasswordReset(
  db: Db,
  reset: { id: string; userId: string; tenantId: string; secretHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(reset);
}

/** Run on the database directly: the id is how a reset link finds its tenant. */
export async function findPasswordReset(db: Db, id: string) {
  const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.id, id)).limit(1);
  return reset;
}

/**
 * Marks the reset used if it still can be: unused and not expired. Only one of two requests
 * racing with the same link gets true.
 */
export async function consumePasswordReset(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ id: passwordResets.id });
  return rows.length > 0;
}

/** Deletes the user's other resets, so only the newest link (or none) works. */
export async function deleteOtherPasswordResets(db: Db, userId: string, keepId?: string): Promise<void> {
  await db
    .delete(passwordResets)
    .where(
      keepId
        ? and(eq(passwordResets.userId, userId), ne(passwordResets.id, keepId))
        : eq(passwordResets.userId, userId),
    );
}

/** Deletes resets that expired before the cutoff (used ones too); returns how many went. */
export async function deleteExpiredPasswordResets(db: Db, cutoff: Date): Promise<number> {
  const rows = await db
    .delete(passwordResets)
    .where(lt(passwordResets.expiresAt, cutoff))
    .returning({ id: passwordResets.id });
  return rows.length;
}
