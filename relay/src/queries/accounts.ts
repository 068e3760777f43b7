import { type Db, tenants, users } from '@k2c/db';
import { and, eq, isNull } from '@k2c/db/operators';

/**
 * The user who signs in with this address. A user of an account being deleted is not found: from
 * the deletion request on, nobody signs in or resets a password for it (its data waits for the
 * purge).
 */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ user: users })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.email, email), isNull(tenants.deletionRequestedAt)))
    .limit(1);
  return row?.user;
}

export async function findTenant(db: Db, tenantId: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return tenant;
}

/**
 * A tenant and its first user in one transaction, so a half-created account never exists. A
 * taken e-mail address surfaces as the unique-violation error of users_email_key.
 */
export function insertTenantWithUser(db: Db, input: { companyName: string; email: string; passwordHash: string }) {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ name: input.companyName }).returning();
    if (!tenant) throw new Error('tenant insert returned nothing');
    const [user] = await tx
      .insert(users)
      .values({ tenantId: tenant.id, email: input.email, passwordHash: input.passwordHash })
      .returning();
    if (!user) throw new Error('user insert returned nothing');
    return { tenant, user };
  });
}

export async function findUserById(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return user;
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
