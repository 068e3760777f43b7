import { deliveryStatuses } from '@k2c/db';
import type { FC } from 'hono/jsx';
import type { DeliverySummary } from '../../services/delivery-log';
import { formatDateTime } from '../format';
import type { Messages } from '../i18n/index';
import { Card, Details, Field, FormErrors, Notice, StatusBadge, Time } from '../layout/components';
import { AppLayout } from '../layout/layout';
import type { View } from '../layout/view';

export interface DeliveryFilterValues {
  status?: string | undefined;
  appId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The reader's words for a delivery's error code; ChatWork's own text when we have none. */
export function deliveryErrorText(delivery: Pick<DeliverySummary, 'errorCode' | 'errorMessage'>, t: Messages) {
  if (delivery.errorCode && Object.hasOwn(t.deliveryErrors, delivery.errorCode)) {
    return t.deliveryErrors[delivery.errorCode];
  }
  return delivery.errorMessage ?? delivery.errorCode ?? '';
}

function eventName(event: string, t: Messages): string {
  return Object.hasOwn(t.events, event) ? (t.events[event] ?? event) : event;
}

export function deliveriesHref(filters: DeliveryFilterValues, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/dashboard/deliveries?${query}` : '/dashboard/deliveries';
}

const Filters: FC<{ view: View; values: DeliveryFilterValues; errors: Record<string, string | undefined> }> = ({
  view,
  values,
  errors,
}) => {
  const { t } = view;
  const d = t.deliveries;
  const active = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/dashboard/deliveries" class="filters" aria-label={d.filters}>
      <FormErrors t={t} fields={errors} />
      <div class="filter-fields">
        <div class="field">
          <label for="status">{d.status}</label>
          <select id="status" name="status">
            <option value="">{d.anyStatus}</option>
            {deliveryStatuses.map((status) => (
              <option value={status} selected={values.status === status}>
                {t.statuses[status]}
              </option>
            ))}
          </select>
        </div>
        <Field
          t={t}
          id="appId"
          label={d.appId}
          value={values.appId}
          error={errors.appId}
          inputmode="numeric"
          maxlength={20}
        />
        <Field t={t} id="from" type="date" label={d.from} value={values.from} error={errors.from} />
        <Field t={t} id="to" type="date" label={d.to} value={values.to} error={errors.to} />
        <div class="filter-actions">
          <button type="submit" class="button button-primary">
            {d.apply}
          </button>
          {active ? (
            <a class="button button-link" href="/dashboard/deliveries">
              {d.clear}
            </a>
          ) : null}
        </div>
      </div>
    </form>
  );
};

export const DeliveriesPage: FC<{
  view: View;
  items: DeliverySummary[];
  nextCursor: string | null;
  paged: boolean;
  values: DeliveryFilterValues;
  errors: Record<string, string | undefined>;
}> = ({ view, items, nextCursor, paged, values, errors }) => {
  const { t, lang } = view;
  const d = t.deliveries;
  const filtered = Object.values(values).some(Boolean);
  return (
    <AppLayout view={view} title={d.title} lead={d.lead}>
      <Card>
        <Filters view={view} values={values} errors={errors} />
      </Card>
      <Card>
        {items.length === 0 ? (
          <p class="empty">{filtered || paged ? d.empty : d.emptyAll}</p>
        ) : (
          <div class="table-wrap">
            <table class="table table-deliveries">
              <caption class="visually-hidden">{d.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {d.time} <span class="th-note">({t.common.japanTime})</span>
                  </th>
                  <th scope="col">{d.appRecord}</th>
                  <th scope="col">{d.event}</th>
                  <th scope="col">{d.rule}</th>
                  <th scope="col">{d.room}</th>
                  <th scope="col">{d.status}</th>
                  <th scope="col" class="num">
                    {d.attempts}
                  </th>
                  <th scope="col">{d.error}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr class={`row-${item.status}`}>
                    <td class="nowrap">
                      <a href={`/dashboard/deliveries/${item.id}`} aria-label={`${d.details}: ${item.ruleName}`}>
                        <Time value={item.createdAt} lang={lang} />
                      </a>
                    </td>
                    <td class="nowrap">{d.appRecordValue(item.appId, item.recordId)}</td>
                    <td>{eventName(item.event, t)}</td>
                    <td>{item.ruleName}</td>
                    <td class="num-plain">{item.roomId}</td>
                    <td>
                      <StatusBadge status={item.status} t={t} />
                    </td>
                    <td class="num">{item.attempts}</td>
                    <td class="error-cell">{deliveryErrorText(item, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor || paged ? (
          <nav class="pagination" aria-label={d.title}>
            {paged ? (
              <a class="button button-secondary" href={deliveriesHref(values)}>
                {d.first}
              </a>
            ) : null}
            {nextCursor ? (
              <a class="button button-secondary" href={deliveriesHref(values, nextCursor)} rel="next">
                {d.next}
              </a>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </AppLayout>
  );
};

export const DeliveryPage: FC<{ view: View; delivery: DeliverySummary; error?: string | undefined }> = ({
  view,
  delivery,
  error,
}) => {
  const { t, lang } = view;
  const s = t.delivery;
  const errorText = deliveryErrorText(delivery, t);
  return (
    <AppLayout
      view={view}
      title={s.title}
      actions={
        <a class="button button-secondary" href="/dashboard/deliveries">
          {s.back}
        </a>
      }
    >
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div class="grid grid-2-1">
        <Card>
          <Details
            rows={[
              [s.status, <StatusBadge status={delivery.status} t={t} />],
              [s.createdAt, <Time value={delivery.createdAt} lang={lang} />],
              [s.finishedAt, <Time value={delivery.finishedAt} lang={lang} />],
              [s.app, delivery.appId],
              [s.record, delivery.recordId],
              [s.event, eventName(delivery.event, t)],
              [s.rule, delivery.ruleName],
              [s.ruleId, <code>{delivery.ruleId}</code>],
              [
                s.room,
                <>
                  <code>{delivery.roomId}</code>
                  <a
                    href={`https://www.chatwork.com/#!rid${encodeURIComponent(delivery.roomId)}`}
                    rel="noopener noreferrer"
                    target="_blank"
                    class="external room-link"
                  >
                    {s.openRoom}
                  </a>
                </>,
              ],
              [s.attempts, String(delivery.attempts)],
              [s.chatworkMessageId, delivery.chatworkMessageId ? <code>{delivery.chatworkMessageId}</code> : '—'],
              [s.digestId, delivery.digestId ? <code>{delivery.digestId}</code> : '—'],
              [s.errorCode, delivery.errorCode ? <code>{delivery.errorCode}</code> : '—'],
              [
                s.errorMessage,
                errorText ? (
                  <>
                    {errorText}
                    {delivery.errorMessage && delivery.errorMessage !== errorText ? (
                      <span class="detail-raw">{delivery.errorMessage}</span>
                    ) : null}
                  </>
                ) : (
                  '—'
                ),
              ],
              [s.id, <code>{delivery.id}</code>],
            ]}
          />
          {delivery.digestId ? <p class="hint">{s.digestHelp}</p> : null}
        </Card>
        <Card title={s.retryable} id="retry">
          {delivery.status === 'held' ? <p>{s.heldHelp}</p> : null}
          {delivery.retryable ? (
            <>
              {delivery.status === 'failed' ? <p>{s.retryLead}</p> : null}
              {delivery.retryableUntil ? (
                <p class="hint">{s.retryableUntil(formatDateTime(delivery.retryableUntil, lang))}</p>
              ) : null}
              <form method="post" action={`/dashboard/deliveries/${delivery.id}/retry`}>
                <button type="submit" class="button button-primary">
                  {s.retry}
                </button>
              </form>
            </>
          ) : (
            <p class="hint">{s.notRetryable}</p>
          )}
        </Card>
      </div>
    </AppLayout>
  );
};
