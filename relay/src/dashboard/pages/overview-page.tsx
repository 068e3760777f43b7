import type { FC } from 'hono/jsx';
import type { OverviewData } from '../data/overview';
import { DeliveriesChart, UsageBar } from '../layout/charts';
import { Card } from '../layout/components';
import { AppLayout } from '../layout/layout';
import type { View } from '../layout/view';
import { ChatworkStatus } from './chatwork-status';

const Step: FC<{ done: boolean; href: string; label: string; doneLabel: string }> = ({
  done,
  href,
  label,
  doneLabel,
}) => (
  <li class={done ? 'step step-done' : 'step'}>
    <span class="step-mark" aria-hidden="true"></span>
    {done ? (
      <span>
        {label} <span class="visually-hidden">({doneLabel})</span>
      </span>
    ) : (
      <a href={href}>{label}</a>
    )}
  </li>
);

export const OverviewPage: FC<{ view: View; data: OverviewData }> = ({ view, data }) => {
  const { t, lang } = view;
  const steps = {
    chatwork: data.chatwork !== null,
    key: data.keyCount > 0,
    plugin: data.pluginInUse,
  };
  const allDone = steps.chatwork && steps.key && steps.plugin;
  const heldText = data.held.more ? t.overview.countMore(data.held.count) : t.overview.count(data.held.count);
  return (
    <AppLayout view={view} title={t.overview.title} lead={t.overview.greeting(view.viewer?.tenantName ?? '')}>
      {allDone ? null : (
        <Card title={t.overview.gettingStarted} id="getting-started" class="card-highlight">
          <p>{t.overview.gettingStartedLead}</p>
          <ol class="steps">
            <Step
              done={steps.chatwork}
              href="/dashboard/chatwork"
              label={t.overview.stepChatwork}
              doneLabel={t.overview.stepDone}
            />
            <Step done={steps.key} href="/dashboard/keys" label={t.overview.stepKey} doneLabel={t.overview.stepDone} />
            <Step
              done={steps.plugin}
              href="/dashboard/plugin"
              label={t.overview.stepPlugin}
              doneLabel={t.overview.stepDone}
            />
          </ol>
        </Card>
      )}
      <div class="grid grid-3">
        <Card title={t.overview.planCard} id="plan">
          <p class="stat-label">{t.overview.plan}</p>
          <p class="stat-value">
            {data.usage.plan.name[lang]}
            {data.usage.status === 'active' ? null : (
              <span class="badge badge-held plan-status">
                {Object.hasOwn(t.planStatuses, data.usage.status)
                  ? t.planStatuses[data.usage.status]
                  : data.usage.status}
              </span>
            )}
          </p>
          <p class="stat-label">{t.overview.usage}</p>
          <UsageBar used={data.usage.used} quota={data.usage.quota} t={t} />
          <p class="card-link">
            <a href="/dashboard/billing">{t.overview.seeBilling}</a>
          </p>
        </Card>
        <Card title={t.overview.chatworkCard} id="chatwork">
          <ChatworkStatus chatwork={data.chatwork} t={t} />
          <p class="card-link">
            <a href="/dashboard/chatwork">{t.chatworkStatus.manage}</a>
          </p>
        </Card>
        <Card title={t.overview.problemsCard} id="problems">
          <dl class="counts">
            <div class={data.held.count > 0 ? 'count count-held count-alert' : 'count count-held'}>
              <dt>{t.overview.held}</dt>
              <dd>
                <a href="/dashboard/deliveries?status=held" aria-label={`${t.overview.viewHeld}: ${heldText}`}>
                  {heldText}
                </a>
              </dd>
            </div>
            <div class={data.failed > 0 ? 'count count-failed count-alert' : 'count count-failed'}>
              <dt>{t.overview.failed}</dt>
              <dd>
                <a
                  href={`/dashboard/deliveries?status=failed&from=${data.days[0]?.date ?? ''}`}
                  aria-label={`${t.overview.viewFailed}: ${t.overview.count(data.failed)}`}
                >
                  {t.overview.count(data.failed)}
                </a>
              </dd>
            </div>
          </dl>
          <p class="hint">{data.held.count > 0 ? t.overview.heldHelp : t.overview.failedHelp}</p>
        </Card>
      </div>
      <Card title={t.overview.chartTitle} id="chart">
        <DeliveriesChart days={data.days} lang={lang} t={t} />
      </Card>
    </AppLayout>
  );
};
