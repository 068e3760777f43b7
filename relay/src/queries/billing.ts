import { billingSubscriptions, type Db, stripeEvents, tenants } from '@k2c/db';
import { eq } from '@k2c/db/operators';

export async function findBillingState(db: Db, tenantId: string) {
  const [tenant] = await db
    .select({
      planCode: tenants.planCode,
      planStatus: tenants.planStatus,
      planGraceUntil: tenants.planGraceUntil,
      stripeCustomerId: tenants.stripeCustomerId,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const [subscription] = await db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.tenantId, tenantId));
  return tenant && { ...tenant, subscription };
}

export async function setStripeCustomer(db: Db, tenantId: string, customerId: string): Promise<void> {
  await db.update(tenants).set({ stripeCustomerId: customerId }).where(eq(tenants.id, tenantId));
}

/** Which tenant a Stripe customer belongs to (webhooks arrive without a tenant). */
export async function tenantOfCustomer(db: Db, customerId: string): Promise<string | undefined> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.stripeCustomerId, customerId));
  return row?.id;
}

export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  return (await db.$count(tenants, eq(tenants.id, tenantId))) > 0;
}

export interface SubscriptionState {
  stripeSubscriptionId: string;
  planCode: string;
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}

export interface TenantPlanUpdate {
  planCode: string;
  planStatus: 'active' | 'past_due';
  planGraceUntil: Date | null;
}

/** Stores Stripe's subscription and the plan it puts in force, together. */
export async function saveSubscription(
  db: Db,
  tenantId: string,
  subscription: SubscriptionState,
  plan: TenantPlanUpdate,
) {
  await db
    .insert(billingSubscriptions)
    .values({ tenantId, ...subscription, updatedAt: new Date() })
    .onConflictDoUpdate({ target: billingSubscriptions.tenantId, set: { ...subscription, updatedAt: new Date() } });
  await db.update(tenants).set(plan).where(eq(tenants.id, tenantId));
}

export async function wasEventSeen(db: Db, eventId: string): Promise<boolean> {
  return (await db.$count(stripeEvents, eq(stripeEvents.id, eventId))) > 0;
}

export async function recordEvent(db: Db, event: { id: string; type: string }): Promise<void> {
  await db.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing();
}
