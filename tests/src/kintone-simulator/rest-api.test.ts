import type { Browser } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KintoneSimulator } from './index';
import { gotoReady, type KintoneForTests, openSession } from './testing/browser-session';
import { sampleApp } from './testing/sample-apps';
import { setUpSimulatorSuite } from './testing/simulator-suite';

declare const kintone: KintoneForTests;

interface KintoneErrorBody {
  id: string;
  code: string;
  message: string;
  errors?: Record<string, { messages: string[] }>;
}

describe('REST API', { timeout: 20_000 }, () => {
  const suite = setUpSimulatorSuite({
    apps: [sampleApp('1'), sampleApp('2'), sampleApp('7', { guestSpaceId: '3', apiTokens: ['guest-token'] })],
  });
  let sim: KintoneSimulator;
  let browser: Browser;

  beforeEach(() => {
    ({ sim, browser } = suite);
  });

  const call = async (method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers['X-Cybozu-API-Token'] = token;
    const response = await fetch(sim.origin + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const errorOf = (body: Record<string, unknown>) => body as unknown as KintoneErrorBody;

  it('adds, reads and updates a record with an API token, in kintone field format', async () => {
    const created = await call('POST', '/k/v1/record.json', {
      token: 'token-1',
      body: {
        app: 1,
        record: { title: { value: 'From relay' }, amount: { value: ' 1.5e1 ' }, due: { value: '2026-01-31' } },
      },
    });
    expect(created).toEqual({ status: 200, body: { id: '2', revision: '1' } });

    const read = await call('GET', '/k/v1/record.json?app=1&id=2', { token: 'token-1' });
    const record = read.body.record as Record<string, { type: string; value: unknown }>;
    expect(record.title).toEqual({ type: 'SINGLE_LINE_TEXT', value: 'From relay' });
    expect(record.amount).toEqual({ type: 'NUMBER', value: '15' });
    expect(record.$id).toEqual({ type: '__ID__', value: '2' });
    expect(record.$revision).toEqual({ type: '__REVISION__', value: '1' });
    expect(record.レコード番号).toEqual({ type: 'RECORD_NUMBER', value: '2' });
    // API-token writes are recorded as done by "Administrator".
    expect(record.作成者).toEqual({ type: 'CREATOR', value: { code: 'Administrator', name: 'Administrator' } });
    expect(record.作成日時?.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(record.ステータス).toEqual({ type: 'STATUS', value: 'Open' });
    expect(record.priority).toEqual({ type: 'DROP_DOWN', value: '' });
    expect(record.tags).toEqual({ type: 'CHECK_BOX', value: [] });

    const updated = await call('PUT', '/k/v1/record.json', {
      token: 'token-1',
      body: { app: 1, id: 2, revision: 1, record: { title: { value: 'Edited' } } },
    });
    expect(updated).toEqual({ status: 200, body: { revision: '2' } });
    const conflict = await call('PUT', '/k/v1/record.json', {
      token: 'token-1',
      body: { app: 1, id: 2, revision: 1, record: { title: { value: 'Stale' } } },
    });
    expect(conflict.status).toBe(409);
    expect(errorOf(conflict.body).code).toBe('GAIA_CO02');
    expect(sim.records('1')[1]?.title?.value).toBe('Edited');
  });

  it('keeps subtable rows with their ids and formats user fields with names', async () => {
    const { body } = await call('GET', '/k/v1/record.json?app=1&id=1', { token: 'token-1' });
    const record = body.record as Record<string, { type: string; value: unknown }>;
    expect(record.owner).toEqual({ type: 'USER_SELECT', value: [{ code: 'sato', name: '佐藤' }] });
    expect(record.items).toEqual({
      type: 'SUBTABLE',
      value: [{ id: expect.stringMatching(/^\d+$/), value: { name: { type: 'SINGLE_LINE_TEXT', value: 'row 1' } } }],
    });
  });

  it('lists records newest first with totalCount', async () => {
    const { body } = await call('GET', '/k/v1/records.json?app=2&totalCount=true', { token: 'token-2' });
    expect(body.totalCount).toBe('1');
    await call('POST', '/k/v1/record.json', { token: 'token-2', body: { app: 2, record: { title: { value: 'b' } } } });
    const after = await call('GET', '/k/v1/records.json?app=2&fields[0]=$id&fields[1]=title', { token: 'token-2' });
    const records = after.body.records as Array<Record<string, { value: unknown }>>;
    expect(records.map((record) => record.$id?.value)).toEqual(['2', '1']);
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(['$id', 'title']);
    expect(after.body.totalCount).toBeNull();
    const overridden = await fetch(`${sim.origin}/k/v1/records.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cybozu-api-token': 'token-2', 'x-http-method-override': 'GET' },
      body: JSON.stringify({ app: 2, query: 'order by $id asc limit 1' }),
    });
    expect(((await overridden.json()) as { records: unknown[] }).records).toHaveLength(1);
    const unsupported = await call('GET', `/k/v1/records.json?app=2&query=${encodeURIComponent('title = "b"')}`, {
      token: 'token-2',
    });
    expect(unsupported.status).toBe(400);
  });

  it('answers with kintone error codes', async () => {
    const cases: Array<[string, string, { token?: string; body?: unknown }, number, string]> = [
      ['GET', '/k/v1/record.json?app=1&id=1', {}, 401, 'CB_AU01'],
      ['GET', '/k/v1/record.json?app=1&id=1', { token: 'token-2' }, 400, 'GAIA_IA02'],
      ['GET', '/k/v1/record.json?app=1&id=999', { token: 'token-1' }, 404, 'GAIA_RE01'],
      ['GET', '/k/v1/app.json?id=99', { token: 'token-1' }, 404, 'GAIA_AP01'],
      ['GET', '/k/v1/record.json?app=1', { token: 'token-1' }, 400, 'CB_VA01'],
      ['GET', '/k/v1/preview/app/form/fields.json?app=1', { token: 'token-1' }, 403, 'CB_NO02'],
      [
        'POST',
        '/k/v1/record.json',
        { token: 'token-1', body: { app: 1, record: { nope: { value: 'x' } } } },
        400,
        'GAIA_FC01',
      ],
      ['GET', '/k/v1/nothing.json', { token: 'token-1' }, 404, 'SIM_NOT_FOUND'],
    ];
    for (const [method, path, options, status, code] of cases) {
      const response = await call(method, path, options);
      expect([path, response.status, errorOf(response.body).code]).toEqual([path, status, code]);
      expect(errorOf(response.body).id).toEqual(expect.any(String));
    }
  });

  it('accepts several API tokens when one of them belongs to the app (lookups into other apps)', async () => {
    const response = await call('GET', '/k/v1/app.json?id=1', { token: 'token-2,token-1' });
    expect(response.body).toMatchObject({ appId: '1' });
  });

  it('validates values like kintone (CB_VA01 with field error keys)', async () => {
    const response = await call('POST', '/k/v1/record.json', {
      token: 'token-1',
      body: {
        app: 1,
        record: {
          title: { value: '' },
          amount: { value: 'abc' },
          priority: { value: 'Urgent' },
          tags: { value: ['a', 'z'] },
          owner: { value: [{ code: 'nobody' }] },
        },
      },
    });
    expect(response.status).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe('CB_VA01');
    expect(Object.keys(error.errors ?? {}).sort()).toEqual([
      'record.owner.values[0].code',
      'record.priority.value',
      'record.tags.values[1].value',
      'record.title.value',
      'record[amount].value',
    ]);
    expect(error.errors?.['record.priority.value']?.messages).toEqual(['"Urgent"は選択肢にありません。']);
  });

  it('reports form fields with the built-in fields of a real app', async () => {
    const { body } = await call('GET', '/k/v1/app/form/fields.json?app=1', { token: 'token-1' });
    const properties = body.properties as Record<string, Record<string, unknown>>;
    expect(properties.title).toEqual({
      type: 'SINGLE_LINE_TEXT',
      code: 'title',
      label: 'Title',
      noLabel: false,
      required: true,
    });
    expect(properties.priority?.options).toEqual({
      High: { label: 'High', index: '0' },
      Low: { label: 'Low', index: '1' },
    });
    expect(properties.items?.fields).toHaveProperty('name');
    const types = Object.values(properties).map((property) => property.type);
    for (const type of [
      'RECORD_NUMBER',
      'CREATOR',
      'CREATED_TIME',
      'MODIFIER',
      'UPDATED_TIME',
      'STATUS',
      'STATUS_ASSIGNEE',
      'CATEGORY',
    ]) {
      expect(types).toContain(type);
    }
    expect(properties.ステータス).toMatchObject({ type: 'STATUS', enabled: true });
    expect(body.revision).toEqual(expect.any(String));
  });

  it('updates the status through a process action (revision +2)', async () => {
    const before = sim.records('2')[0];
    const response = await call('PUT', '/k/v1/record/status.json', {
      token: 'token-2',
      body: { app: 2, id: 1, action: 'Finish', revision: before?.$revision?.value },
    });
    expect(response.body).toEqual({ revision: String(Number(before?.$revision?.value) + 2) });
    expect(sim.records('2')[0]?.ステータス?.value).toBe('Done');
    const again = await call('PUT', '/k/v1/record/status.json', {
      token: 'token-2',
      body: { app: 2, id: 1, action: 'Finish' },
    });
    expect(errorOf(again.body).code).toBe('GAIA_IL03');
  });

  it('serves guest-space apps only under /k/guest/<space>/v1', async () => {
    const wrongPath = await call('GET', '/k/v1/app.json?id=7', { token: 'guest-token' });
    expect([wrongPath.status, errorOf(wrongPath.body).code]).toEqual([400, 'GAIA_IL23']);
    const guest = await call('GET', '/k/guest/3/v1/app.json?id=7', { token: 'guest-token' });
    expect(guest.body).toMatchObject({ appId: '7', name: 'Inquiries 7', spaceId: '3' });
    const wrongSpace = await call('GET', '/k/guest/4/v1/app.json?id=7', { token: 'guest-token' });
    expect(errorOf(wrongSpace.body).code).toBe('GAIA_IL23');
  });

  it('kintone.api in the browser uses the session, the guest path and kintone error objects', async () => {
    const { context, page } = await openSession(browser, sim, { user: 'admin' });
    try {
      await gotoReady(page, sim.urls.pluginSettings('7'));
      const result = await page.evaluate(async () => {
        const url = kintone.api.url('/k/v1/preview/app/form/fields', true);
        const fields = await kintone.api(url, 'GET', { app: kintone.app.getId() });
        const error = await kintone.api('/k/v1/app/form/fields', 'GET', { app: 7 }).catch((e: unknown) => e);
        const created = await kintone.api(kintone.api.url('/k/v1/record', true), 'POST', {
          app: 7,
          record: { title: { value: 'via kintone.api' } },
        });
        // A session write without kintone's CSRF token is refused.
        const raw = await fetch('/k/guest/3/v1/record.json', {
          method: 'POST',
          headers: { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' },
          body: JSON.stringify({ app: 7, record: {} }),
        });
        return {
          url,
          plainUrl: kintone.api.url('/k/v1/record.json'),
          fields,
          error,
          created,
          rawStatus: raw.status,
        };
      });
      expect(result.url).toBe(`${sim.origin}/k/guest/3/v1/preview/app/form/fields.json`);
      expect(result.plainUrl).toBe(`${sim.origin}/k/v1/record.json`);
      expect(result.fields).toMatchObject({ properties: { title: { type: 'SINGLE_LINE_TEXT' } } });
      expect(result.error).toMatchObject({ code: 'GAIA_IL23', id: expect.any(String), message: expect.any(String) });
      expect(result.created).toEqual({ id: '2', revision: '1' });
      expect(result.rawStatus).toBe(403);
      expect(sim.records('7')[1]?.作成者?.value).toEqual({ code: 'admin', name: '管理者' });
    } finally {
      await context.close();
    }
  });
});
