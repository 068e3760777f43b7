import type { TenantPlanState } from '../billing/effective-plan';
import type { SessionUser } from '../services/sessions';

/** What middleware hands to the handlers after it, typed for `c.var`. */
export interface AppEnv {
  Variables: {
    /** Set by connection-key authentication (plug-in API). */
    tenantId: string;
    /** The key's tenant's plan, read with the key so the quota check needs no extra query. */
    tenantPlan: TenantPlanState;
    /** Set by session authentication (account API and dashboard). */
    session: SessionUser;
  };
}
