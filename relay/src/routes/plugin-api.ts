import { withTenant } from '@k2c/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { createWorkerWaker } from '../delivery/worker-waker';
import { AppError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { limitBody } from '../http/body-limit';
import { bearerKey, connectionKeyAuth } from '../http/connection-key-auth';
import { readJson } from '../http/read-json';
import { tenantRateLimit } from '../http/security/apply-security';
import { AcceptBatcher } from '../notifications/accept-batcher';
import {
  type NotificationRequest,
  notificationRequestSchema,
  previewRequestSchema,
} from '../notifications/notification-request';
import { findDelivery } from '../queries/deliveries';
import { acceptNotification, acceptSettings } from '../services/accept-notification';
import { listChatworkRooms } from '../services/chatwork-rooms';
import { connectionInfo } from '../services/connection-info';
import { authenticateConnectionKey } from '../services/connection-keys';
import { previewMessages } from '../services/preview-messages';
import { sendTestMessage } from '../services/send-test-message';

/** Records are sent with only the fields the rules use; this leaves room for long rich text. */
const NOTIFICATION_BODY_LIMIT = 512 * 1024;

const testMessageSchema = z.object({
  roomId: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^[1-9]\d{0,19}$/, 'must be a ChatWork room id')),
  appName: z.string().max(256).default(''),
});

/**
 * POST /v1/notifications, the hot path: the key is checked inside the same single database call
 * that queues the messages. A body that does not validate is answered 401 rather than 400 when
 * the key is wrong too, so only the key's owner learns about their requests' shape.
 */
export function notificationRoutes(deps: AppDeps) {
  const wakeWorkers = createWorkerWaker(deps.db, deps.logger);
  const batcher = new AcceptBatcher(deps.db, acceptSettings(deps.env));
  return new Hono<AppEnv>().post('/notifications', limitBody(NOTIFICATION_BODY_LIMIT), async (c) => {
    const key = bearerKey(c);
    let request: NotificationRequest;
    try {
      request = await readJson(c, notificationRequestSchema);
    } catch (error) {
      await authenticateConnectionKey(deps.db, key, deps.now());
      throw error;
    }
    const accepted = await acceptNotification({ ...deps, wakeWorkers, batcher }, key, request).catch(
      async (error: unknown) => {
        if (error instanceof AppError && error.code === 'invalid_rules')
          await authenticateConnectionKey(deps.db, key, deps.now());
        throw error;
      },
    );
    deps.logger.info('notification accepted', {
      tenantId: accepted.tenantId,
      appId: request.appId,
      recordId: request.recordId,
      event: request.event,
      deliveries: accepted.deliveries.length,
      duplicates: accepted.deliveries.filter((delivery) => delivery.duplicate).length,
    });
    return c.json({ deliveries: accepted.deliveries }, 202);
  });
}

/** The rest of the API kintone calls, through its proxy or from the plug-in settings screen (contract 2). */
export function pluginApiRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', limitBody(NOTIFICATION_BODY_LIMIT), connectionKeyAuth(deps.db, deps.now), tenantRateLimit(deps))
    .get('/deliveries/:id', async (c) => {
      const id = c.req.param('id');
      // Another tenant's delivery and a malformed id look the same as a missing one.
      const tenantId = c.var.tenantId;
      const delivery = /^[0-9a-f-]{36}$/i.test(id)
        ? await withTenant(deps.db, tenantId, (tx) => findDelivery(tx, tenantId, id))
        : undefined;
      if (!delivery) throw new AppError('not_found', 'No such delivery');
      return c.json({
        id: delivery.id,
        status: delivery.status,
        attempts: delivery.attempts,
        ...(delivery.chatworkMessageId ? { chatworkMessageId: delivery.chatworkMessageId } : {}),
        ...(delivery.errorCode ? { error: { code: delivery.errorCode, message: delivery.errorMessage ?? '' } } : {}),
      });
    })
    .get('/connection', async (c) => c.json(await connectionInfo(deps, c.var.tenantId)))
    .get('/chatwork/rooms', async (c) => c.json({ rooms: await listChatworkRooms(deps, c.var.tenantId) }))
    .post('/preview', async (c) => {
      const request = await readJson(c, previewRequestSchema);
      return c.json({ messages: previewMessages(request, deps.env.KINTONE_ALLOW_LOOPBACK) });
    })
    .post('/test-message', async (c) => {
      const input = await readJson(c, testMessageSchema);
      const delivery = await sendTestMessage(deps.db, c.var.tenantId, input);
      deps.logger.info('test message queued', {
        tenantId: c.var.tenantId,
        deliveryId: delivery.id,
        roomId: input.roomId,
      });
      return c.json({ delivery }, 202);
    });
}
