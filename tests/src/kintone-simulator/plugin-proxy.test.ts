import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KintoneSimulator } from './index';
import { gotoReady, type KintoneForTests, openSession, type SimSession } from './testing/browser-session';
import { type HttpReceiver, refusedUrl } from './testing/http-receiver';
import { sampleApp } from './testing/sample-apps';
import { setUpSimulatorSuite } from './testing/simulator-suite';

declare const kintone: KintoneForTests;

describe('kintone.plugin.app.proxy', { timeout: 20_000 }, () => {
  const suite = setUpSimulatorSuite({ apps: [sampleApp('1'), sampleApp('2')] });
  let sim: KintoneSimulator;
  let browser: Browser;
  let relay: HttpReceiver;
  let session: SimSession;
  let page: Page;

  beforeAll(async () => {
    ({ sim, browser, relay } = suite);
    sim.seedPluginSettings('1', {
      config: {},
      proxy: [
        { url: `${relay.url}/v1/`, method: 'POST', headers: { 'X-Scope': 'short' }, data: { scope: 'short' } },
        {
          url: `${relay.url}/v1/notifications`,
          method: 'POST',
          headers: { Authorization: 'Bearer stored', 'X-Stored': 'yes' },
          data: { kintoneHost: 'stored-host', rules: '[]' },
        },
        { url: `${relay.url}/v1/notifications`, method: 'PUT', headers: { 'X-Scope': 'put' }, data: { scope: 'put' } },
      ],
    });
    session = await openSession(browser, sim);
    page = session.page;
    await gotoReady(page, sim.urls.detail('1', 1));
  });

  afterAll(async () => {
    await session?.context.close();
  });

  const lastRequest = () => {
    const request = relay.requests.at(-1);
    if (!request) throw new Error('the receiver got nothing');
    return request;
  };

  it('merges stored headers and data into the call, stored values winning', async () => {
    const result = await page.evaluate(
      ([url, pluginId]) =>
        kintone.plugin.app.proxy(
          pluginId,
          url,
          'POST',
          { authorization: 'Bearer caller', 'Content-Type': 'application/json', 'X-Caller': 'c' },
          { kintoneHost: 'caller-host', event: 'create', nested: { ok: true } },
        ),
      [`${relay.url}/v1/notifications?trace=1`, sim.pluginId] as const,
    );
    expect(result).toEqual([
      JSON.stringify({ received: true, status: 202 }),
      202,
      expect.objectContaining({ 'x-receiver': 'yes', 'content-type': 'application/json' }),
    ]);
    const request = lastRequest();
    expect(request.path).toBe('/v1/notifications?trace=1');
    expect(request.headers.authorization).toBe('Bearer stored');
    expect(request.headers['x-stored']).toBe('yes');
    expect(request.headers['x-caller']).toBe('c');
    expect(JSON.parse(request.body)).toEqual({
      kintoneHost: 'stored-host',
      event: 'create',
      nested: { ok: true },
      rules: '[]',
    });
    expect(sim.proxyLog().at(-1)).toMatchObject({
      url: `${relay.url}/v1/notifications?trace=1`,
      method: 'POST',
      status: 202,
      requestHeaders: { Authorization: 'Bearer stored', 'X-Caller': 'c' },
    });
  });

  it('matches by method and case-sensitive URL prefix; the longest match wins', async () => {
    const call = (url: string, method: string, data: unknown = {}) =>
      page.evaluate(([u, m, d, id]) => kintone.plugin.app.proxy(id, u, m, {}, d), [
        url,
        method,
        data,
        sim.pluginId,
      ] as const);

    await call(`${relay.url}/v1/other`, 'POST');
    expect(lastRequest().headers['x-scope']).toBe('short');
    expect(JSON.parse(lastRequest().body)).toEqual({ scope: 'short' });

    await call(`${relay.url}/v1/notifications`, 'PUT', { scope: 'caller' });
    expect(JSON.parse(lastRequest().body)).toEqual({ scope: 'put' });

    await call(`${relay.url}/V1/notifications`, 'POST', { a: '1' });
    expect(lastRequest().headers['x-scope']).toBeUndefined();
    expect(JSON.parse(lastRequest().body)).toEqual({ a: '1' });

    // GET and DELETE carry no body (data is for POST/PUT only) and have no stored entry here.
    await call(`${relay.url}/v1/notifications`, 'GET');
    expect(lastRequest()).toMatchObject({ method: 'GET', body: '' });
    expect(lastRequest().headers.authorization).toBeUndefined();
  });

  it('merges stored data into a JSON string body', async () => {
    await page.evaluate(
      ([url, id]) => kintone.plugin.app.proxy(id, url, 'POST', {}, JSON.stringify({ kintoneHost: 'x', a: 1 })),
      [`${relay.url}/v1/notifications`, sim.pluginId] as const,
    );
    expect(JSON.parse(lastRequest().body)).toEqual({ kintoneHost: 'stored-host', a: 1, rules: '[]' });
  });

  it('delivers non-2xx answers on the success path', async () => {
    const result = await page.evaluate(
      ([url, id]) =>
        new Promise((resolve) => {
          kintone.plugin.app.proxy(
            id,
            url,
            'POST',
            {},
            {},
            (body, status) => resolve({ path: 'success', body, status }),
            (error) => resolve({ path: 'failure', error }),
          );
        }),
      [`${relay.url}/v1/status/503`, sim.pluginId] as const,
    );
    expect(result).toEqual({ path: 'success', body: JSON.stringify({ received: true, status: 503 }), status: 503 });
  });

  it('sends a connection failure to the failure path and rejects the promise', async () => {
    const url = `${await refusedUrl()}/v1/notifications`;
    const result = await page.evaluate(
      async ([target, id]) => {
        const viaCallback = await new Promise((resolve) => {
          kintone.plugin.app.proxy(
            id,
            target,
            'POST',
            {},
            {},
            () => resolve('success'),
            (error) => resolve(error),
          );
        });
        const viaPromise = await kintone.plugin.app.proxy(id, target, 'POST', {}, {}).then(
          () => 'resolved',
          (error: unknown) => error,
        );
        return { viaCallback, viaPromise };
      },
      [url, sim.pluginId] as const,
    );
    expect(typeof result.viaCallback).toBe('string');
    expect(JSON.parse(result.viaCallback as string)).toMatchObject({ code: 'SIM_PROXY_FAILED' });
    expect(result.viaPromise).toEqual(expect.stringContaining('SIM_PROXY_FAILED'));
    expect(sim.proxyLog().at(-1)).toMatchObject({ url, status: 0 });
  });

  it('kintone.proxy forwards without any stored values', async () => {
    const [, status] = await page.evaluate(
      (url) => kintone.proxy(url, 'POST', { 'X-Own': '1' }, { a: 'b' }),
      `${relay.url}/v1/notifications`,
    );
    expect(status).toBe(202);
    expect(lastRequest().headers.authorization).toBeUndefined();
    expect(lastRequest().headers['x-own']).toBe('1');
    expect(JSON.parse(lastRequest().body)).toEqual({ a: 'b' });
  });

  it('uses only deployed proxy config on record screens', async () => {
    const { context, page: other } = await openSession(browser, sim);
    try {
      await gotoReady(other, sim.urls.detail('2', 1));
      // Saved on the settings screen but not deployed.
      await other.goto(sim.urls.pluginSettings('2'));
      await other.evaluate(
        (url) =>
          new Promise<void>((resolve) =>
            kintone.plugin.app.setProxyConfig(url, 'POST', { Authorization: 'Bearer pending' }, {}, resolve),
          ),
        `${relay.url}/v1/notifications`,
      );
      // The settings screen works with the saved (pending) settings…
      await other.evaluate(([url, id]) => kintone.plugin.app.proxy(id, url, 'POST', {}, {}), [
        `${relay.url}/v1/notifications`,
        sim.pluginId,
      ] as const);
      expect(lastRequest().headers.authorization).toBe('Bearer pending');
      // …record screens do not see them until Update App.
      await gotoReady(other, sim.urls.detail('2', 1));
      await other.evaluate(([url, id]) => kintone.plugin.app.proxy(id, url, 'POST', {}, {}), [
        `${relay.url}/v1/notifications`,
        sim.pluginId,
      ] as const);
      expect(lastRequest().headers.authorization).toBeUndefined();
      const wrongPlugin = await other.evaluate(
        (url) => kintone.plugin.app.proxy('a'.repeat(32), url, 'POST', {}, {}).catch((error: unknown) => error),
        `${relay.url}/v1/notifications`,
      );
      expect(wrongPlugin).toEqual(expect.stringContaining('SIM_PLUGIN_NOT_FOUND'));
    } finally {
      await context.close();
    }
  });
});
