import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import { AppError } from '../../errors';
import { createConnectionKey, listKeys, revokeKey } from '../../services/connection-keys';
import type { DashboardEnv } from '../http/dashboard-env';
import { readForm } from '../http/form';
import { withNotice } from '../http/notice';
import { render, seeOther } from '../http/render';
import { checkText, LIMITS } from '../http/validate';
import { viewOf } from '../layout/view';
import { KeysPage, RevokeKeyPage } from '../pages/keys-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findKey(deps: AppDeps, tenantId: string, id: string) {
  const item = UUID.test(id) ? (await listKeys(deps.db, tenantId)).find((key) => key.id === id) : undefined;
  if (!item) throw new AppError('not_found', 'No such connection key');
  return item;
}

export function registerKeyRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  app.get('/keys', async (c) => {
    const keys = await listKeys(deps.db, c.var.session.tenantId);
    return render(c, <KeysPage view={viewOf(c, '/dashboard/keys')} keys={keys} />);
  });

  app.post('/keys', async (c) => {
    const { tenantId } = c.var.session;
    const form = await readForm(c);
    const label = (form.label ?? '').trim();
    const error = checkText(label, LIMITS.keyLabel, c.var.t);
    if (error) {
      const keys = await listKeys(deps.db, tenantId);
      return render(
        c,
        <KeysPage view={viewOf(c, '/dashboard/keys')} keys={keys} label={form.label} error={error} />,
        400,
      );
    }
    const created = await createConnectionKey(deps.db, tenantId, label);
    deps.logger.info('connection key created', { tenantId, keyId: created.id, via: 'dashboard' });
    const keys = await listKeys(deps.db, tenantId);
    // Shown in this answer and nowhere else: a redirect would have to carry the key in a URL or cookie.
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      <KeysPage view={viewOf(c, '/dashboard/keys')} keys={keys} created={{ label: created.label, key: created.key }} />,
    );
  });

  app.get('/keys/:id/revoke', async (c) => {
    const item = await findKey(deps, c.var.session.tenantId, c.req.param('id'));
    return render(c, <RevokeKeyPage view={viewOf(c, c.req.path)} item={item} />);
  });

  app.post('/keys/:id/revoke', async (c) => {
    const { tenantId } = c.var.session;
    const item = await findKey(deps, tenantId, c.req.param('id'));
    const form = await readForm(c);
    if (form.confirmed !== '1') return render(c, <RevokeKeyPage view={viewOf(c, c.req.path)} item={item} />);
    await revokeKey(deps.db, tenantId, item.id, deps.now());
    deps.logger.info('connection key revoked', { tenantId, keyId: item.id, via: 'dashboard' });
    return seeOther(c, withNotice('/dashboard/keys', 'key_revoked'));
  });
}
