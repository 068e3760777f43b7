import { withTenant } from '@k2c/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { newPasswordSchema } from '../auth/password-policy';
import { requestPasswordReset, resetPassword } from '../auth/password-reset';
import type { AppEnv } from '../http/app-env';
import { limitBody } from '../http/body-limit';
import { readJson } from '../http/read-json';
import { clientAddress } from '../http/security/client-address';
import { type CookiePolicy, clearSessionCookie, sessionAuth, setSessionCookie } from '../http/session-cookie';
import { findTenant } from '../queries/accounts';
import { changePassword, logIn, signUp } from '../services/accounts';
import { chatworkSummary, connectChatwork } from '../services/chatwork-connection';
import { connectionInfo } from '../services/connection-info';
import { createConnectionKey, listKeys, revokeKey } from '../services/connection-keys';
import { closeSession, openSession } from '../services/sessions';

const email = z.email().max(254);
const password = newPasswordSchema;

const signupSchema = z.object({ email, password, companyName: z.string().trim().min(1).max(200) });
const loginSchema = z.object({ email: z.string().max(254), password: z.string().max(256) });
const chatworkTokenSchema = z.object({ token: z.string().trim().min(1).max(200) });
const connectionKeySchema = z.object({ label: z.string().trim().min(1).max(100) });
const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: newPasswordSchema });
const forgotSchema = z.object({ email });
const resetSchema = z.object({ token: z.string().min(1).max(200), newPassword: newPasswordSchema });

/** The JSON account API of contract 2, behind the session cookie. */
export function accountApiRoutes(deps: AppDeps) {
  const cookiePolicy: CookiePolicy = { secure: deps.env.PUBLIC_URL?.startsWith('https://') ?? false };
  const requireSession = sessionAuth(deps.db, deps.now);

  return new Hono<AppEnv>()
    .use('*', limitBody(64 * 1024))
    .post('/signup', async (c) => {
      const input = await readJson(c, signupSchema);
      const account = await signUp(deps.db, input);
      const session = await openSession(deps.db, { userId: account.user.id, tenantId: account.tenant.id }, deps.now());
      setSessionCookie(c, cookiePolicy, session.token, session.expiresAt);
      deps.logger.info('tenant signed up', { tenantId: account.tenant.id });
      return c.json({ user: { email: account.user.email }, tenant: account.tenant }, 201);
    })
    .post('/login', async (c) => {
      const input = await readJson(c, loginSchema);
      const user = await logIn(deps, input, { ip: clientAddress(c, deps.env.TRUST_PROXY) });
      const session = await openSession(deps.db, user, deps.now());
      setSessionCookie(c, cookiePolicy, session.token, session.expiresAt);
      const tenant = await withTenant(deps.db, user.tenantId, (tx) => findTenant(tx, user.tenantId));
      return c.json({ user: { email: user.email }, tenant: { id: user.tenantId, name: tenant?.name ?? '' } });
    })
    .post('/password', requireSession, async (c) => {
      const input = await readJson(c, passwordChangeSchema);
      await changePassword(deps, c.var.session, input);
      return c.body(null, 204);
    })
    .post('/password/forgot', async (c) => {
      const input = await readJson(c, forgotSchema);
      // Answered before anything depends on whether the address has an account (see the service).
      requestPasswordReset(deps, input.email, new URL(c.req.url).origin);
      return c.body(null, 202);
    })
    .post('/password/reset', async (c) => {
      const input = await readJson(c, resetSchema);
      await resetPassword(deps, input.token, input.newPassword);
      return c.body(null, 204);
    })
    .post('/logout', requireSession, async (c) => {
      await closeSession(deps.db, c.var.session);
      clearSessionCookie(c, cookiePolicy);
      return c.body(null, 204);
    })
    .get('/me', requireSession, async (c) => {
      const { session } = c.var;
      const { plan } = await connectionInfo(deps, session.tenantId);
      const chatwork = await chatworkSummary(deps.db, session.tenantId);
      return c.json({
        user: { email: session.email },
        tenant: { id: session.tenantId, name: session.tenantName },
        plan,
        chatwork: chatwork && {
          accountId: chatwork.accountId,
          name: chatwork.name,
          tokenHint: chatwork.tokenHint,
          status: chatwork.status,
        },
      });
    })
    .put('/chatwork-token', requireSession, async (c) => {
      const { token } = await readJson(c, chatworkTokenSchema);
      const chatwork = await connectChatwork(deps, c.var.session.tenantId, token, deps.now());
      deps.logger.info('chatwork connected', { tenantId: c.var.session.tenantId, accountId: chatwork.accountId });
      return c.json({ chatwork });
    })
    .post('/connection-keys', requireSession, async (c) => {
      const { label } = await readJson(c, connectionKeySchema);
      const created = await createConnectionKey(deps.db, c.var.session.tenantId, label);
      deps.logger.info('connection key created', { tenantId: c.var.session.tenantId, keyId: created.id });
      return c.json(created, 201);
    })
    .get('/connection-keys', requireSession, async (c) =>
      c.json({ items: await listKeys(deps.db, c.var.session.tenantId) }),
    )
    .delete('/connection-keys/:id', requireSession, async (c) => {
      await revokeKey(deps.db, c.var.session.tenantId, c.req.param('id'), deps.now());
      return c.body(null, 204);
    });
}
