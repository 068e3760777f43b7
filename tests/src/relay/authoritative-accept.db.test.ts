import { deliveries } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenantWithKey,
  createTestRelay,
  jsonRequest,
  sampleNotification,
  sampleRuleSet,
  type TestRelay,
} from '../../../relay/src/testing/test-relay';
import { type KintoneSimulator, startKintoneSimulator } from '../kintone-simulator/index';
import { buildFixturePlugin } from '../kintone-simulator/testing/fixture-plugin';
import { sampleApp, USERS } from '../kintone-simulator/testing/sample-apps';

/** With an API token in the stored proxy data, the message says what kintone says, not the browser. */
describe('accepting a notification with authoritative values', () => {
  let sim: KintoneSimulator;
  let relay: TestRelay;
  let tenant: Awaited<ReturnType<typeof createTenantWithKey>>;

  beforeAll(async () => {
    sim = await startKintoneSimulator({
      pluginZip: (await buildFixturePlugin()).zip,
      users: USERS,
      apps: [sampleApp('1', { apiTokens: ['tok-1'], records: [{ title: { value: '本物の件名' } }] })],
    });
    relay = await createTestRelay();
    tenant = await createTenantWithKey(relay.database.db);
  }, 30_000);
  afterAll(async () => {
    await relay?.close();
    await sim?.close();
  });

  const post = (overrides: Record<string, unknown>) =>
    relay.app.request(
      '/v1/notifications',
      jsonRequest(
        'POST',
        sampleNotification({
          appId: '1',
          recordId: '1',
          kintoneHost: new URL(sim.origin).host,
          rules: JSON.stringify(sampleRuleSet({ template: '{{title}}' })),
          record: { title: { type: 'SINGLE_LINE_TEXT', value: '偽の件名 [toall]' } },
          ...overrides,
        }),
        { Authorization: `Bearer ${tenant.key}` },
      ),
    );

  it('renders from the record read back from kintone', async () => {
    const response = await post({ kintoneApiToken: 'tok-1' });
    expect(response.status).toBe(202);
    const { deliveries: accepted } = (await response.json()) as { deliveries: { id: string }[] };
    const [row] = await relay.database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.id, accepted[0]?.id ?? ''));
    expect(row?.body).toBe('本物の件名');
  });

  it('refuses, without queuing anything, when kintone does not accept the token', async () => {
    const before = await relay.database.db.$count(deliveries);
    const response = await post({ kintoneApiToken: 'not-a-token', recordId: '1', revision: '99' });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; details: { reason: string } } };
    expect(body.error).toMatchObject({ code: 'kintone_read_failed', details: { reason: 'unauthorized' } });
    expect(JSON.stringify(body)).not.toContain('not-a-token');
    expect(await relay.database.db.$count(deliveries)).toBe(before);
  });

  it('does not read kintone when no rule listens to the event', async () => {
    const response = await post({
      kintoneApiToken: 'not-a-token',
      event: 'status',
      status: { from: 'a', to: 'b', action: 'c' },
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ deliveries: [] });
  });

  it('never reads from a host outside the allow-list', async () => {
    const strict = await createTestRelay({ env: { KINTONE_ALLOW_LOOPBACK: 'false' } });
    try {
      const key = (await createTenantWithKey(strict.database.db)).key;
      const response = await strict.app.request(
        '/v1/notifications',
        jsonRequest(
          'POST',
          sampleNotification({
            kintoneHost: new URL(sim.origin).host,
            kintoneApiToken: 'tok-1',
            appId: '1',
            recordId: '1',
          }),
          { Authorization: `Bearer ${key}` },
        ),
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ error: { details: { reason: 'host_not_allowed' } } });
    } finally {
      await strict.close();
    }
  });
});
