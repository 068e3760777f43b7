import type { SessionUser } from '../services/sessions';

/** What middleware hands to the handlers after it, typed for `c.var`. */
export interface AppEnv {
  Variables: {
    /** Set by connection-key authentication (plug-in API). */
    tenantId: string;
    /** Set by session authentication (account API and dashboard). */
    session: SessionUser;
  };
}
