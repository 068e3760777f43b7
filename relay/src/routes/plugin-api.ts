import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { limitBody } from '../http/body-limit';
import { connectionKeyAuth } from '../http/connection-key-auth';
import { readJson } from '../http/read-json';
import { notificationRequestSchema } from '../notifications/notification-request';
import { findDelivery } from '../queries/deliveries';
import { acceptNotification } from '../services/accept-notification';

/** Records are sent with only the fields the rules use; this leaves room for long rich text. */
const NOTIFICATION_BODY_LIMIT = 512 * 1024;

/** The API kintone calls, through its proxy or from the plug-in settings screen (contract 2). */
export function pluginApiRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', limitBody(NOTIFICATION_BODY_LIMIT), connectionKeyAuth(deps.db, deps.now))
    .post('/notifications', async (c) => {
      const request = await readJson(c, notificationRequestSchema);
      const deliveries = await acceptNotification(
        { db: deps.db, allowLoopback: deps.env.KINTONE_ALLOW_LOOPBACK },
        c.var.tenantId,
        request,
      );
      deps.logger.info('notification accepted', {
        tenantId: c.var.tenantId,
        appId: request.appId,
        recordId: request.recordId,
        event: request.event,
        deliveries: deliveries.length,
        duplicates: deliveries.filter((delivery) => delivery.duplicate).length,
      });
      return c.json({ deliveries }, 202);
    })
    .get('/deliveries/:id', async (c) => {
      const id = c.req.param('id');
      // Another tenant's delivery and a malformed id look the same as a missing one.
      const delivery = /^[0-9a-f-]{36}$/i.test(id) ? await findDelivery(deps.db, c.var.tenantId, id) : undefined;
      if (!delivery) throw new AppError('not_found', 'No such delivery');
      return c.json({
        id: delivery.id,
        status: delivery.status,
        attempts: delivery.attempts,
        ...(delivery.chatworkMessageId ? { chatworkMessageId: delivery.chatworkMessageId } : {}),
        ...(delivery.errorCode ? { error: { code: delivery.errorCode, message: delivery.errorMessage ?? '' } } : {}),
      });
    });
}
