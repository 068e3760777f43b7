import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { billingOverview, checkoutFor, portalFor } from '../billing/billing-service';
import type { AppEnv } from '../http/app-env';
import { limitBody } from '../http/body-limit';
import { readJson } from '../http/read-json';
import { sessionAuth } from '../http/session-cookie';

const checkoutSchema = z.object({ plan: z.enum(['standard']) });

/** Contract 2's billing endpoints: Checkout to upgrade, the Customer Portal to manage and cancel. */
export function billingApiRoutes(deps: AppDeps) {
  const requireSession = sessionAuth(deps.db, deps.now);
  return new Hono<AppEnv>()
    .use('/billing/*', limitBody(16 * 1024))
    .get('/billing', requireSession, async (c) => c.json(await billingOverview(deps, c.var.session.tenantId)))
    .post('/billing/checkout', requireSession, async (c) => {
      const { plan } = await readJson(c, checkoutSchema);
      return c.json(await checkoutFor(deps, c.var.session, plan, c.req.url));
    })
    .post('/billing/portal', requireSession, async (c) => c.json(await portalFor(deps, c.var.session, c.req.url)));
}
