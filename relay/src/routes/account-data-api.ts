import { deliveryStatuses } from '@k2c/db';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { limitBody } from '../http/body-limit';
import { readJson } from '../http/read-json';
import { clearSessionCookie, SESSION_COOKIE, sessionAuth } from '../http/session-cookie';
import { requestAccountDeletion } from '../services/account-deletion';
import { exportAccount } from '../services/account-export';
import { getDelivery, listDeliveries, retryDelivery } from '../services/delivery-log';
import { submitInquiry } from '../services/inquiries';
import { resolveSession } from '../services/sessions';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-31')
  .transform((text) => new Date(`${text}T00:00:00+09:00`));

const deliveryQuery = z.object({
  status: z.enum(deliveryStatuses).optional(),
  appId: z
    .string()
    .regex(/^\d{1,20}$/, 'must be a kintone app id')
    .optional(),
  from: date.optional(),
  // Inclusive of the whole day the user picked (Japan time).
  to: date.transform((day) => new Date(day.getTime() + 24 * 60 * 60_000)).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

const deletionSchema = z.object({ password: z.string().min(1).max(256) });
const contactSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(254),
  message: z.string().trim().min(1).max(5_000),
});

/** The account API's data endpoints (contract 2): delivery log, retry, export, deletion, contact. */
export function accountDataApiRoutes(deps: AppDeps) {
  const requireSession = sessionAuth(deps.db, deps.now);
  return new Hono<AppEnv>()
    .use('*', limitBody(64 * 1024))
    .get('/deliveries', requireSession, async (c) => {
      const query = deliveryQuery.safeParse(c.req.query());
      if (!query.success) {
        const issues = query.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw new AppError('invalid_request', `Invalid request: ${issues[0]?.path} ${issues[0]?.message}`, { issues });
      }
      return c.json(await listDeliveries(deps.db, c.var.session.tenantId, query.data));
    })
    .get('/deliveries/:id', requireSession, async (c) => {
      const delivery = await getDelivery(deps.db, c.var.session.tenantId, c.req.param('id'));
      if (!delivery) throw new AppError('not_found', 'No such delivery');
      return c.json(delivery);
    })
    .post('/deliveries/:id/retry', requireSession, async (c) => {
      const delivery = await retryDelivery(deps.db, c.var.session.tenantId, c.req.param('id'));
      deps.logger.info('delivery retried', { tenantId: c.var.session.tenantId, deliveryId: delivery.id });
      return c.json(delivery, 202);
    })
    .get('/export', requireSession, async (c) => {
      const data = await exportAccount(deps.db, c.var.session.tenantId);
      c.header('Content-Disposition', 'attachment; filename="kintone2chatwork-export.json"');
      c.header('Cache-Control', 'no-store');
      return c.json(data);
    })
    .delete('/account', requireSession, async (c) => {
      const { password } = await readJson(c, deletionSchema);
      const result = await requestAccountDeletion(deps, c.var.session, password, deps.now());
      clearSessionCookie(c, { secure: deps.env.PUBLIC_URL?.startsWith('https://') ?? false });
      deps.logger.info('account deletion requested', {
        tenantId: c.var.session.tenantId,
        purgeAfter: result.purgeAfter,
      });
      return c.json(result, 202);
    })
    .post('/contact', async (c) => {
      const input = await readJson(c, contactSchema);
      // Anyone may write; a logged-in sender's inquiry is linked to the account.
      const token = getCookie(c, SESSION_COOKIE);
      const session = token ? await resolveSession(deps.db, token, deps.now()) : undefined;
      const inquiry = await submitInquiry(deps.db, { ...input, tenantId: session?.tenantId });
      deps.logger.info('inquiry received', { inquiryId: inquiry.id, tenantId: session?.tenantId });
      return c.json(inquiry, 201);
    });
}
