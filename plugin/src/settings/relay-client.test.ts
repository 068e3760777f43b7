import { describe, expect, it } from 'vitest';
import {
  createRelayClient,
  failureFromAnswer,
  isUnreachable,
  type ProxyTransport,
  type RelayFailure,
} from './relay-client';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  data: unknown;
}

/** A transport that answers like kintone.proxy: [body, status, headers], rejecting only on transport failure. */
function transport(answer: [number, unknown] | Error) {
  const calls: Call[] = [];
  const send: ProxyTransport = async (url, method, headers, data) => {
    calls.push({ url, method, headers, data });
    if (answer instanceof Error) throw answer;
    const [status, body] = answer;
    return [typeof body === 'string' ? body : JSON.stringify(body), status, {}];
  };
  return { send, calls };
}

const errorBody = (code: string, message = 'text', details?: unknown) => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

describe('createRelayClient', () => {
  it('sends the key explicitly to each endpoint under the relay base path', async () => {
    const { send, calls } = transport([200, {}]);
    const client = createRelayClient(send, 'https://relay.example.com/base/', 'k2c_secret');
    await client.connection();
    await client.rooms();
    await client.preview({ event: 'create' });
    await client.sendTestMessage('42', 'App');
    await client.delivery('a b');
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'GET https://relay.example.com/base/v1/connection',
      'GET https://relay.example.com/base/v1/chatwork/rooms',
      'POST https://relay.example.com/base/v1/preview',
      'POST https://relay.example.com/base/v1/test-message',
      'GET https://relay.example.com/base/v1/deliveries/a%20b',
    ]);
    for (const call of calls) expect(call.headers.Authorization).toBe('Bearer k2c_secret');
    expect(calls[0]?.data).toEqual({});
    expect(calls[2]?.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(calls[2]?.data as string)).toEqual({ event: 'create' });
    expect(JSON.parse(calls[3]?.data as string)).toEqual({ roomId: '42', appName: 'App' });
  });

  it('reads the connection, with and without ChatWork', async () => {
    const body = {
      tenant: { name: '株式会社サンプル' },
      plan: { code: 'free', monthlyQuota: 100, usedThisMonth: 12 },
      chatwork: { accountId: 3001, name: 'Bot', tokenStatus: 'valid' },
    };
    const client = createRelayClient(transport([200, body]).send, 'https://r.example.com', 'k');
    expect(await client.connection()).toEqual({
      ok: true,
      value: {
        tenantName: '株式会社サンプル',
        plan: { code: 'free', monthlyQuota: 100, usedThisMonth: 12 },
        chatwork: { accountId: '3001', name: 'Bot' },
      },
    });
    const none = createRelayClient(transport([200, { ...body, chatwork: null }]).send, 'https://r.example.com', 'k');
    expect(await none.connection()).toMatchObject({ ok: true, value: { chatwork: null } });
  });

  it('reads rooms, previews, the queued test message and a delivery', async () => {
    const rooms = await createRelayClient(
      transport([200, { rooms: [{ roomId: 1, name: 'A', type: 'group', role: 'readonly' }] }]).send,
      'https://r.example.com',
      'k',
    ).rooms();
    expect(rooms).toEqual({ ok: true, value: [{ roomId: '1', name: 'A', type: 'group', role: 'readonly' }] });

    const preview = await createRelayClient(
      transport([200, { messages: [{ ruleId: 'r1', roomId: '2', body: 'hi', matches: true }] }]).send,
      'https://r.example.com',
      'k',
    ).preview({});
    expect(preview).toEqual({ ok: true, value: [{ ruleId: 'r1', roomId: '2', body: 'hi', matches: true }] });

    const queued = await createRelayClient(
      transport([202, { delivery: { id: 'd1', status: 'queued' } }]).send,
      'https://r.example.com',
      'k',
    ).sendTestMessage('2', '');
    expect(queued).toEqual({ ok: true, value: { id: 'd1', status: 'queued' } });

    const failed = await createRelayClient(
      transport([
        200,
        { id: 'd1', status: 'failed', attempts: 1, error: { code: 'chatwork_forbidden', message: 'no' } },
      ]).send,
      'https://r.example.com',
      'k',
    ).delivery('d1');
    expect(failed).toEqual({
      ok: true,
      value: { id: 'd1', status: 'failed', attempts: 1, error: { code: 'chatwork_forbidden', message: 'no' } },
    });
  });

  const failures: [string, [number, unknown] | Error, RelayFailure][] = [
    ['a transport failure', new Error('ECONNREFUSED'), { kind: 'unreachable', detail: 'ECONNREFUSED' }],
    ['401', [401, errorBody('unauthorized', 'bad key')], { kind: 'unauthorized', message: 'bad key' }],
    ['401 without a body', [401, ''], { kind: 'unauthorized', message: '' }],
    ['503 from kintone (DNS)', [503, 'DNS Cache Missing'], { kind: 'server', status: 503, code: '', message: '' }],
    [
      '502 chatwork_unavailable',
      [502, errorBody('chatwork_unavailable', 'later')],
      { kind: 'server', status: 502, code: 'chatwork_unavailable', message: 'later' },
    ],
    ['404 HTML', [404, '<html>Not Found</html>'], { kind: 'not_relay', status: 404 }],
    [
      '409 chatwork_not_connected',
      [409, errorBody('chatwork_not_connected', 'connect')],
      { kind: 'error', status: 409, code: 'chatwork_not_connected', message: 'connect' },
    ],
    [
      '400 invalid_rules with issues',
      [400, errorBody('invalid_rules', 'bad', { issues: [{ path: 'rules[0].roomId', message: 'm' }] })],
      {
        kind: 'error',
        status: 400,
        code: 'invalid_rules',
        message: 'bad',
        details: { issues: [{ path: 'rules[0].roomId', message: 'm' }] },
      },
    ],
    ['a 200 with the wrong shape', [200, { hello: 1 }], { kind: 'unexpected', status: 200 }],
    ['a 200 that is not JSON', [200, 'ok'], { kind: 'unexpected', status: 200 }],
    ['a 302 redirect', [302, ''], { kind: 'unexpected', status: 302 }],
  ];

  it.each(failures)('maps %s', async (_name, answer, failure) => {
    const client = createRelayClient(transport(answer).send, 'https://r.example.com', 'k');
    expect(await client.connection()).toEqual({ ok: false, failure });
  });

  it('reads the message of kintone’s JSON failure body', async () => {
    const send: ProxyTransport = async () => {
      throw '{"code":"SIM_PROXY_FAILED","message":"外部サービスへのリクエストに失敗しました。"}';
    };
    expect(await createRelayClient(send, 'https://r.example.com', 'k').rooms()).toEqual({
      ok: false,
      failure: { kind: 'unreachable', detail: '外部サービスへのリクエストに失敗しました。' },
    });
  });

  it('expects 202 from the test message and 200 elsewhere', async () => {
    const client = createRelayClient(
      transport([200, { delivery: { id: 'd', status: 'queued' } }]).send,
      'https://r.example.com',
      'k',
    );
    expect(await client.sendTestMessage('1', '')).toEqual({ ok: false, failure: { kind: 'unexpected', status: 200 } });
  });
});

describe('failure helpers', () => {
  it('counts transport failures, 5xx and non-relays as unreachable', () => {
    expect(isUnreachable({ kind: 'unreachable', detail: '' })).toBe(true);
    expect(isUnreachable(failureFromAnswer(500, ''))).toBe(true);
    expect(isUnreachable(failureFromAnswer(404, ''))).toBe(true);
    expect(isUnreachable(failureFromAnswer(401, ''))).toBe(false);
    expect(isUnreachable(failureFromAnswer(402, JSON.stringify(errorBody('plan_inactive'))))).toBe(false);
  });
});
