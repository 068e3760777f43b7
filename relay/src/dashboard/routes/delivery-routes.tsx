import { type DeliveryStatus, deliveryStatuses } from '@k2c/db';
import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import { AppError } from '../../errors';
import { getDelivery, type ListDeliveriesFilter, listDeliveries, retryDelivery } from '../../services/delivery-log';
import { startOfJapanDay } from '../format';
import { failureOf } from '../http/app-errors';
import type { DashboardEnv } from '../http/dashboard-env';
import { withNotice } from '../http/notice';
import { render, seeOther } from '../http/render';
import type { Messages } from '../i18n/index';
import { viewOf } from '../layout/view';
import { DeliveriesPage, type DeliveryFilterValues, DeliveryPage } from '../pages/deliveries-page';

const PAGE_SIZE = 50;

/**
 * Reads the log's filters from the query. A value that makes no sense is reported next to its
 * field and left out, so the page still shows the log rather than an error.
 */
export function parseDeliveryFilters(query: Record<string, string | undefined>, t: Messages) {
  const values: DeliveryFilterValues = {};
  const errors: Record<string, string | undefined> = {};
  const filter: ListDeliveriesFilter = { limit: PAGE_SIZE };
  const status = query.status?.trim();
  if (status && (deliveryStatuses as readonly string[]).includes(status)) {
    values.status = status;
    filter.status = status as DeliveryStatus;
  }
  const appId = query.appId?.trim();
  if (appId) {
    values.appId = appId;
    if (/^\d{1,20}$/.test(appId)) filter.appId = appId;
    else errors.appId = t.validation.appId;
  }
  for (const name of ['from', 'to'] as const) {
    const day = query[name]?.trim();
    if (!day) continue;
    values[name] = day;
    // `to` includes the whole day picked: up to the start of the next day, Japan time.
    const at = startOfJapanDay(day, name === 'to' ? 1 : 0);
    if (at) filter[name] = at;
    else errors[name] = t.validation.date;
  }
  const cursor = query.cursor;
  if (cursor && cursor.length <= 200) filter.cursor = cursor;
  return { values, errors, filter };
}

export function registerDeliveryRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  app.get('/deliveries', async (c) => {
    const { tenantId } = c.var.session;
    const { values, errors, filter } = parseDeliveryFilters(c.req.query(), c.var.t);
    let page: Awaited<ReturnType<typeof listDeliveries>>;
    try {
      page = await listDeliveries(deps.db, tenantId, filter);
    } catch (error) {
      // A cursor that was tampered with or outlived its page: start again from the newest.
      if (!(error instanceof AppError) || error.code !== 'invalid_request' || !filter.cursor) throw error;
      filter.cursor = undefined;
      page = await listDeliveries(deps.db, tenantId, filter);
    }
    return render(
      c,
      <DeliveriesPage
        view={viewOf(c, '/dashboard/deliveries')}
        items={page.items}
        nextCursor={page.nextCursor}
        paged={filter.cursor !== undefined}
        values={values}
        errors={errors}
      />,
    );
  });

  app.get('/deliveries/:id', async (c) => {
    const delivery = await getDelivery(deps.db, c.var.session.tenantId, c.req.param('id'));
    if (!delivery) throw new AppError('not_found', 'No such delivery');
    return render(c, <DeliveryPage view={viewOf(c, c.req.path)} delivery={delivery} />);
  });

  app.post('/deliveries/:id/retry', async (c) => {
    const { tenantId } = c.var.session;
    const id = c.req.param('id');
    try {
      const delivery = await retryDelivery(deps.db, tenantId, id);
      deps.logger.info('delivery retried', { tenantId, deliveryId: delivery.id, via: 'dashboard' });
      return seeOther(c, withNotice(`/dashboard/deliveries/${delivery.id}`, 'delivery_retried'));
    } catch (error) {
      const failure = failureOf(error, c.var.t);
      if (failure.code === 'not_found') throw error;
      const delivery = await getDelivery(deps.db, tenantId, id);
      if (!delivery) throw new AppError('not_found', 'No such delivery');
      const path = `/dashboard/deliveries/${delivery.id}`;
      return render(
        c,
        <DeliveryPage view={viewOf(c, path)} delivery={delivery} error={failure.message} />,
        failure.status,
      );
    }
  });
}
