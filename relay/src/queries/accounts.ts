import { type Db, tenants, users } from '@k2c/db';
import { eq } from '@k2c/db/operators';

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user;
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
