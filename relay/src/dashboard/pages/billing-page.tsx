import type { Child, FC } from 'hono/jsx';
import type { BillingOverview } from '../../billing/billing-service';
import type { Plan } from '../../billing/plans';
import { formatDate, formatDateTime } from '../format';
import type { Lang, Messages } from '../i18n/index';
import { UsageBar, usageLevel, usageWarningText } from '../layout/charts';
import { Card, Details, Notice } from '../layout/components';
import { AppLayout } from '../layout/layout';
import type { View } from '../layout/view';

/** How the reader came back from Stripe Checkout (`?checkout=…`), if they did. */
export type CheckoutReturn = 'success' | 'cancelled';

export function checkoutReturnOf(value: string | undefined): CheckoutReturn | undefined {
  return value === 'success' || value === 'cancelled' ? value : undefined;
}

type DisplayStatus = 'active' | 'past_due' | 'suspended' | 'ending';

/** A paid plan cancelled at the period end reads as "cancelling" until that day comes. */
function displayStatus(overview: BillingOverview): DisplayStatus {
  const { status } = overview.plan;
  if (status === 'past_due' || status === 'suspended') return status;
  return overview.plan.code !== 'free' && overview.subscription?.endsAt ? 'ending' : 'active';
}

const Day: FC<{ value: string; lang: Lang }> = ({ value, lang }) => (
  <time datetime={value}>{formatDate(value, lang)}</time>
);

function statusRows(overview: BillingOverview, t: Messages, lang: Lang): [string, Child][] {
  const b = t.billing;
  const { graceUntil } = overview.plan;
  const { renewsAt, endsAt } = overview.subscription ?? { renewsAt: null, endsAt: null };
  const rows: [string, Child][] = [];
  if (graceUntil) rows.push([b.graceUntil, <time datetime={graceUntil}>{formatDateTime(graceUntil, lang)}</time>]);
  if (renewsAt) rows.push([b.renewsAt, <Day value={renewsAt} lang={lang} />]);
  if (endsAt) rows.push([b.endsAt, <Day value={endsAt} lang={lang} />]);
  return rows;
}

function statusNote(status: DisplayStatus, overview: BillingOverview, t: Messages, lang: Lang): string | undefined {
  const b = t.billing;
  const { graceUntil } = overview.plan;
  const endsAt = overview.subscription?.endsAt;
  if (status === 'past_due' && graceUntil) return b.pastDueNote(formatDateTime(graceUntil, lang));
  if (status === 'suspended') return b.suspendedNote;
  if (status === 'ending' && endsAt) return b.endingNote(formatDate(endsAt, lang));
  return undefined;
}

/** Back from Checkout: the plan changes only when Stripe's webhook confirms it, never on this page. */
const CheckoutNotice: FC<{ checkout: CheckoutReturn; activePlan: Plan | undefined; t: Messages; lang: Lang }> = ({
  checkout,
  activePlan,
  t,
  lang,
}) => {
  const b = t.billing;
  if (checkout === 'cancelled') {
    return (
      <Notice kind="info" id="checkout-notice">
        <p>{b.checkoutCancelled}</p>
      </Notice>
    );
  }
  if (activePlan) {
    return (
      <Notice kind="success" id="checkout-notice">
        <p>{b.checkoutDone(activePlan.name[lang])}</p>
      </Notice>
    );
  }
  return (
    <Notice kind="info" id="checkout-notice">
      <p>
        {b.checkoutPending} <a href="/dashboard/billing?checkout=success">{b.refresh}</a>
      </p>
    </Notice>
  );
};

/** Upgrade (Checkout) and manage (Customer Portal): plain forms the server answers with a 303 to Stripe. */
const BillingActions: FC<{ overview: BillingOverview; upgrades: Plan[]; t: Messages; lang: Lang }> = ({
  overview,
  upgrades,
  t,
  lang,
}) => {
  const b = t.billing;
  if (!overview.billingConfigured) {
    return (
      <Notice kind="info" id="billing-unavailable">
        <p>
          {b.notConfigured} <a href="/contact">{t.nav.contact}</a>
        </p>
      </Notice>
    );
  }
  if (upgrades.length === 0 && !overview.canManage) return null;
  return (
    <div class="billing-actions">
      {upgrades.map((plan) => (
        <form method="post" action="/dashboard/billing/checkout" class="billing-action">
          <input type="hidden" name="plan" value={plan.code} />
          <button type="submit" class="button button-primary">
            {b.upgrade(plan.name[lang])}
          </button>
          <p class="hint">{b.upgradeNote}</p>
        </form>
      ))}
      {overview.canManage ? (
        <form method="post" action="/dashboard/billing/portal" class="billing-action">
          <button type="submit" class="button button-secondary">
            {b.manage}
          </button>
          <p class="hint">{b.manageNote}</p>
        </form>
      ) : null}
    </div>
  );
};

export const BillingPage: FC<{
  view: View;
  overview: BillingOverview;
  plans: Plan[];
  checkout?: CheckoutReturn | undefined;
  error?: string | undefined;
}> = ({ view, overview, plans, checkout, error }) => {
  const { t, lang } = view;
  const b = t.billing;
  const current = plans.find((plan) => plan.code === overview.plan.code) ?? plans[0];
  // Paid plans are bought from the free plan; a paid plan is changed or cancelled in the portal.
  const upgrades =
    overview.plan.code === 'free' ? plans.filter((plan) => plan.stripePriceId && plan.code !== 'free') : [];
  const status = displayStatus(overview);
  const note = statusNote(status, overview, t, lang);
  const { usedThisMonth, monthlyQuota } = overview.plan;
  const warning = usageWarningText(usageLevel(usedThisMonth, monthlyQuota), t);
  const upgrade = overview.billingConfigured ? upgrades[0] : undefined;
  return (
    <AppLayout view={view} title={b.title} lead={b.lead}>
      {error ? (
        <Notice kind="error" id="billing-error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {checkout ? (
        <CheckoutNotice
          checkout={checkout}
          activePlan={overview.plan.code === 'free' ? undefined : current}
          t={t}
          lang={lang}
        />
      ) : null}
      {warning ? (
        <Notice kind="warning" id="quota-warning">
          <p>{warning}</p>
          {upgrade ? <p>{b.upgradeHint(upgrade.name[lang], upgrade.monthlyQuota)}</p> : null}
        </Notice>
      ) : null}
      <Card title={b.current} id="current">
        <Details
          rows={[
            [t.overview.plan, <strong>{current?.name[lang]}</strong>],
            [
              b.status,
              <span class={status === 'active' ? 'badge badge-active' : 'badge badge-held'}>
                {t.planStatuses[status] ?? status}
              </span>,
            ],
            ...statusRows(overview, t, lang),
          ]}
        />
        {note ? <p class="hint">{note}</p> : null}
        <p class="stat-label stat-label-spaced">{b.usage}</p>
        <UsageBar used={usedThisMonth} quota={monthlyQuota} t={t} note={false} />
        <p class="hint">{b.quotaNote}</p>
        <BillingActions overview={overview} upgrades={upgrades} t={t} lang={lang} />
      </Card>
      <section aria-labelledby="catalogue-title" class="section">
        <h2 id="catalogue-title">{b.catalogue}</h2>
        <ul class="plans">
          {plans.map((plan) => {
            const isCurrent = plan.code === overview.plan.code;
            return (
              <li class={isCurrent ? 'plan plan-current' : 'plan'}>
                <h3>
                  {plan.name[lang]}
                  {isCurrent ? <span class="badge badge-current">{b.currentBadge}</span> : null}
                </h3>
                <p class="plan-price">
                  {plan.priceJpy === 0 ? (
                    <strong>{b.free}</strong>
                  ) : (
                    <>
                      <strong>{b.price(plan.priceJpy)}</strong> <span class="plan-period">{b.perMonth}</span>
                    </>
                  )}
                </p>
                <p>{b.quota(plan.monthlyQuota)}</p>
              </li>
            );
          })}
        </ul>
      </section>
    </AppLayout>
  );
};
