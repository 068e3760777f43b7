import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../../app-deps';
import { BILLING_PAGE, billingOverview, checkoutFor, portalFor } from '../../billing/billing-service';
import { type PlanCode, planCatalogue } from '../../billing/plans';
import { AppError } from '../../errors';
import { failureOf } from '../http/app-errors';
import type { DashboardEnv } from '../http/dashboard-env';
import { readForm } from '../http/form';
import { render, seeOther } from '../http/render';
import { viewOf } from '../layout/view';
import { BillingPage, checkoutReturnOf } from '../pages/billing-page';

/**
 * The billing page and its two forms. Each form is answered with a 303 to Stripe's hosted
 * Checkout or Customer Portal; the plan itself changes only when Stripe's webhook says so.
 */
export function registerBillingRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  const plans = Object.values(planCatalogue(deps.env));

  async function showPage(c: Context<DashboardEnv>, failure?: { message: string; status: ContentfulStatusCode }) {
    const overview = await billingOverview(deps, c.var.session.tenantId);
    const checkout = c.req.method === 'GET' ? checkoutReturnOf(c.req.query('checkout')) : undefined;
    return render(
      c,
      <BillingPage
        view={viewOf(c, BILLING_PAGE)}
        overview={overview}
        plans={plans}
        checkout={checkout}
        error={failure?.message}
      />,
      failure?.status,
    );
  }

  /** Sends the browser on to Stripe, or back to the page with what went wrong in the reader's words. */
  async function toStripe(c: Context<DashboardEnv>, open: () => Promise<{ url: string }>) {
    try {
      const { url } = await open();
      return seeOther(c, url);
    } catch (caught) {
      return showPage(c, failureOf(caught, c.var.t));
    }
  }

  app.get('/billing', (c) => showPage(c));

  app.post('/billing/checkout', async (c) => {
    const { plan } = await readForm(c);
    return toStripe(c, async () => {
      if (!plans.some((known) => known.code === plan)) throw new AppError('invalid_request', 'Unknown plan');
      const result = await checkoutFor(deps, c.var.session, plan as PlanCode, c.req.url);
      deps.logger.info('checkout started', { tenantId: c.var.session.tenantId, plan, via: 'dashboard' });
      return result;
    });
  });

  app.post('/billing/portal', (c) => toStripe(c, () => portalFor(deps, c.var.session, c.req.url)));
}
