import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withAuthoritativeValues } from '../../../relay/src/kintone/authoritative-request';
import { fetchAuthoritativeRecord } from '../../../relay/src/kintone/fetch-record';
import { KintoneFetchError, type KintoneFetchFailure } from '../../../relay/src/kintone/kintone-fetch-error';
import { notificationRequestSchema } from '../../../relay/src/notifications/notification-request';
import { type KintoneSimulator, startKintoneSimulator } from '../kintone-simulator/index';
import { buildFixturePlugin } from '../kintone-simulator/testing/fixture-plugin';
import { sampleApp, USERS } from '../kintone-simulator/testing/sample-apps';

const TOKEN = 'tok-1';
const GUEST_TOKEN = 'guest-tok-7';
const ALLOWED = ['*.cybozu.com', '*.kintone.com', '*.cybozu.cn'];

/** Every KintoneFetchError the tests saw, to check none of them ever shows a token. */
const seenErrors: KintoneFetchError[] = [];

async function failureOf(promise: Promise<unknown>): Promise<KintoneFetchError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the kintone read to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KintoneFetchError);
  seenErrors.push(error as KintoneFetchError);
  return error as KintoneFetchError;
}

async function expectFailure(promise: Promise<unknown>, reason: KintoneFetchFailure): Promise<KintoneFetchError> {
  const error = await failureOf(promise);
  expect(error.reason).toBe(reason);
  return error;
}

interface FakeKintone {
  host: string;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** A local server standing in for a misbehaving kintone; it records what reached it. */
async function startFakeKintone(answer: RequestListener): Promise<FakeKintone> {
  const requests: FakeKintone['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '/', headers: req.headers });
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('authoritative record values from kintone', () => {
  let sim: KintoneSimulator;
  let simHost: string;
  const fakes: FakeKintone[] = [];

  const fake = async (answer: RequestListener) => {
    const started = await startFakeKintone(answer);
    fakes.push(started);
    return started;
  };

  beforeAll(async () => {
    const fixture = await buildFixturePlugin();
    sim = await startKintoneSimulator({
      pluginZip: fixture.zip,
      users: USERS,
      apps: [
        sampleApp('1', { apiTokens: [TOKEN] }),
        sampleApp('7', {
          guestSpaceId: '3',
          apiTokens: [GUEST_TOKEN],
          records: [{ title: { value: 'Guest inquiry' }, priority: { value: 'Low' } }],
        }),
      ],
    });
    simHost = new URL(sim.origin).host;
  }, 30_000);

  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((started) => started.close()));
  });

  afterAll(async () => {
    await sim?.close();
    // Whatever went wrong, no error told anyone a token.
    expect(seenErrors.length).toBeGreaterThan(5);
    for (const error of seenErrors) {
      const shown = [String(error), error.stack, JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
      for (const token of [TOKEN, GUEST_TOKEN, 'wrong-token-xyz']) expect(shown).not.toContain(token);
      expect(error.cause).toBeUndefined();
    }
  });

  const read = (overrides: Partial<Parameters<typeof fetchAuthoritativeRecord>[0]> = {}) =>
    fetchAuthoritativeRecord({
      host: simHost,
      apiToken: TOKEN,
      appId: '1',
      recordId: '1',
      allowedHosts: ALLOWED,
      allowLoopback: true,
      ...overrides,
    });

  const requestFor = (overrides: Record<string, unknown> = {}) =>
    notificationRequestSchema.parse({
      event: 'edit',
      appId: '1',
      recordId: '1',
      revision: '99',
      recordUrl: `${sim.origin}/k/1/show#record=1`,
      record: {
        title: { type: 'SINGLE_LINE_TEXT', value: 'Forged title' },
        priority: { type: 'DROP_DOWN', value: 'Low' },
      },
      previous: { title: { type: 'SINGLE_LINE_TEXT', value: 'Before the edit' } },
      user: { code: 'sato', name: '佐藤' },
      status: { from: 'Open', to: 'Done', action: 'Finish' },
      rules: '{"version":1,"rules":[]}',
      kintoneHost: simHost,
      appName: 'Inquiries',
      kintoneApiToken: TOKEN,
      ...overrides,
    });

  it('reads the record kintone stored, in field format, over the loopback host', async () => {
    const record = await read();
    expect(record.title).toEqual({ type: 'SINGLE_LINE_TEXT', value: 'First inquiry' });
    expect(record.priority).toEqual({ type: 'DROP_DOWN', value: 'High' });
    expect(record.owner).toEqual({ type: 'USER_SELECT', value: [{ code: 'sato', name: '佐藤' }] });
    expect(record.$id).toEqual({ type: '__ID__', value: '1' });
    expect(record.$revision).toEqual({ type: '__REVISION__', value: '1' });
  });

  it("replaces the browser's claimed values and revision with kintone's", async () => {
    const sent = requestFor();
    const result = await withAuthoritativeValues(sent, { allowedHosts: ALLOWED, allowLoopback: true });
    expect(result.record.title).toEqual({ type: 'SINGLE_LINE_TEXT', value: 'First inquiry' });
    expect(result.record.priority?.value).toBe('High');
    // Every field kintone returned, not only those the browser sent.
    expect(Object.keys(result.record)).toEqual(expect.arrayContaining(['detail', 'owner', 'items', '$revision']));
    expect(result.revision).toBe('1');
    // What kintone cannot tell is kept as sent.
    expect(result.previous).toEqual(sent.previous);
    expect(result.user).toEqual(sent.user);
    expect(result.status).toEqual(sent.status);
    expect(result.event).toBe('edit');
    // The input is not changed.
    expect(sent.record.title?.value).toBe('Forged title');
  });

  it('leaves a request without a stored token untouched and reads nothing', async () => {
    const counting = await fake((_req, res) => res.end('{}'));
    for (const token of [undefined, '', '   ']) {
      const sent = requestFor({ kintoneApiToken: token, kintoneHost: counting.host });
      expect(await withAuthoritativeValues(sent, { allowedHosts: ALLOWED, allowLoopback: true })).toBe(sent);
    }
    expect(counting.requests).toEqual([]);
  });

  it('reads a guest-space record through the guest path named in the record link', async () => {
    const sent = requestFor({
      appId: '7',
      recordUrl: `${sim.origin}/k/guest/3/7/show#record=1`,
      kintoneApiToken: GUEST_TOKEN,
    });
    const result = await withAuthoritativeValues(sent, { allowedHosts: ALLOWED, allowLoopback: true });
    expect(result.record.title?.value).toBe('Guest inquiry');

    // kintone serves a guest-space app only under its guest path (GAIA_IL23 otherwise).
    const outside = await expectFailure(read({ appId: '7', apiToken: GUEST_TOKEN }), 'record_not_found');
    expect(outside.kintoneCode).toBe('GAIA_IL23');
    expect((await read({ appId: '7', apiToken: GUEST_TOKEN, guestSpaceId: '3' })).title?.value).toBe('Guest inquiry');
  });

  it('reports a wrong token, or a token of another app, as unauthorized', async () => {
    const wrong = await expectFailure(read({ apiToken: 'wrong-token-xyz' }), 'unauthorized');
    expect(wrong).toMatchObject({ status: 400, kintoneCode: 'GAIA_IA02' });
    expect(wrong.message).toBe(`kintone refused the API token (${simHost}: 400 GAIA_IA02)`);
    await expectFailure(read({ apiToken: GUEST_TOKEN }), 'unauthorized');
    // A token kintone could never have issued is refused without asking kintone.
    await expectFailure(read({ apiToken: 'tok-1,tok-2' }), 'unauthorized');

    const counting = await fake((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'x', code: 'CB_AU01', message: 'ログインしてください。' }));
    });
    await expectFailure(read({ host: counting.host }), 'unauthorized');
  });

  it('reports an unknown record or app as record_not_found', async () => {
    const record = await expectFailure(read({ recordId: '404' }), 'record_not_found');
    expect(record).toMatchObject({ status: 404, kintoneCode: 'GAIA_RE01' });
    await expectFailure(read({ appId: '999' }), 'record_not_found');
  });

  it('never contacts a host that is not on the allow-list', async () => {
    const counting = await fake((_req, res) => res.end('{}'));
    // Loopback is allowed only by the test setting.
    await expectFailure(read({ host: counting.host, allowLoopback: false }), 'host_not_allowed');
    await expectFailure(
      withAuthoritativeValues(requestFor({ kintoneHost: counting.host }), {
        allowedHosts: ALLOWED,
        allowLoopback: false,
      }),
      'host_not_allowed',
    );
    // Hosts the client could only reach under another name are refused too.
    const ipv6 = await expectFailure(read({ host: '[::1]:1' }), 'host_not_allowed');
    expect(ipv6.message).toContain('localhost or 127.0.0.1');
    for (const host of ['evil.example.com', 'acme.cybozu.com.evil.net', 'acme.cybozu.com:8443', `x@${counting.host}`]) {
      await expectFailure(read({ host }), 'host_not_allowed');
    }
    expect(counting.requests).toEqual([]);
  });

  it('gives up on a kintone that never answers, within the bound', async () => {
    const silent = await fake(() => {
      // Accept the request and never answer.
    });
    const started = performance.now();
    const error = await expectFailure(read({ host: silent.host, timeoutMs: 300 }), 'timeout');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_500);
    expect(error.message).toBe(`kintone did not answer in time (${silent.host})`);
    expect(silent.requests).toHaveLength(1);
  });

  it('reports 5xx answers, the concurrency limit and refused connections as unavailable', async () => {
    const htmlError = await fake((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html><body>Service Unavailable</body></html>');
    });
    expect(await expectFailure(read({ host: htmlError.host }), 'unavailable')).toMatchObject({ status: 503 });

    const kintoneBusy = await fake((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'x-cybozu-error': 'GAIA_TO04' });
      res.end(JSON.stringify({ id: 'x', code: 'GAIA_TO04', message: '同時接続数の上限を超えています。' }));
    });
    expect(await expectFailure(read({ host: kintoneBusy.host }), 'unavailable')).toMatchObject({
      status: 429,
      kintoneCode: 'GAIA_TO04',
    });

    const gone = await fake(() => {});
    const goneHost = gone.host;
    await gone.close();
    await expectFailure(read({ host: goneHost }), 'unavailable');
  });

  it('refuses an answer that is not the record asked for', async () => {
    const loginPage = await fake((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><form action="/login"></form></html>');
    });
    await expectFailure(read({ host: loginPage.host }), 'invalid_response');

    const otherRecord = await fake((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ record: { $id: { type: '__ID__', value: '2' } } }));
    });
    await expectFailure(read({ host: otherRecord.host }), 'invalid_response');
  });

  it('sends the token in the kintone header, to the REST path, and nowhere else', async () => {
    const recording = await fake((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          record: { $id: { type: '__ID__', value: '5' }, $revision: { type: '__REVISION__', value: '2' } },
        }),
      );
    });
    await read({ host: recording.host, appId: '12', recordId: '5', guestSpaceId: '4' });
    expect(recording.requests).toHaveLength(1);
    const [sent] = recording.requests;
    expect(sent?.path).toBe('/k/guest/4/v1/record.json?app=12&id=5');
    expect(sent?.headers['x-cybozu-api-token']).toBe(TOKEN);
    expect(sent?.headers.authorization).toBeUndefined();
  });
});
