import { describe, expect, it } from 'vitest';
import { classifyResponse, readProxyResponse, readRelayError } from './outcome';

const error = (code: string, message = 'Something') => JSON.stringify({ error: { code, message } });
const readFailed = (reason: string) =>
  JSON.stringify({
    error: { code: 'kintone_read_failed', message: 'kintone refused', details: { reason, status: 401 } },
  });

describe('classifyResponse', () => {
  it.each([
    [202, '{"deliveries":[]}', { kind: 'accepted' }],
    [200, '', { kind: 'accepted' }],
    [
      400,
      error('invalid_request', 'record.title: must be an object'),
      {
        kind: 'invalid_request',
        message: 'record.title: must be an object',
      },
    ],
    [400, 'not json', { kind: 'invalid_request', message: 'HTTP 400' }],
    [401, error('unauthorized'), { kind: 'unauthorized' }],
    [402, error('quota_exceeded'), { kind: 'quota_exceeded' }],
    [402, error('plan_inactive'), { kind: 'plan_inactive' }],
    [402, '', { kind: 'plan_inactive' }],
    [413, '', { kind: 'too_large' }],
    [429, error('rate_limited'), { kind: 'rate_limited' }],
    [422, readFailed('unauthorized'), { kind: 'kintone_read_failed', reason: 'unauthorized' }],
    [422, readFailed('record_not_found'), { kind: 'kintone_read_failed', reason: 'record_not_found' }],
    [422, error('kintone_read_failed'), { kind: 'kintone_read_failed', reason: '' }],
    [422, error('something_else'), { kind: 'unexpected', status: 422 }],
    [503, error('kintone_unavailable'), { kind: 'kintone_unavailable' }],
    [503, error('service_unavailable'), { kind: 'server_error', status: 503 }],
    [500, '', { kind: 'server_error', status: 500 }],
    [503, 'DNS Cache Missing', { kind: 'server_error', status: 503 }],
    [404, '', { kind: 'unexpected', status: 404 }],
    [302, '', { kind: 'unexpected', status: 302 }],
  ])('maps %i %j', (status, body, outcome) => {
    expect(classifyResponse({ status, body })).toEqual(outcome);
  });

  it('keeps a relay message to one short line', () => {
    const outcome = classifyResponse({ status: 400, body: error('invalid_request', `a\n\nb ${'x'.repeat(400)}`) });
    expect(outcome.kind === 'invalid_request' && outcome.message.length).toBe(300);
    expect(outcome.kind === 'invalid_request' && outcome.message.startsWith('a b ')).toBe(true);
  });
});

describe('readProxyResponse', () => {
  it('reads [body, status, headers]', () => {
    expect(readProxyResponse(['{}', 202, {}])).toEqual({ body: '{}', status: 202 });
    expect(readProxyResponse([null, 401, {}])).toEqual({ body: '', status: 401 });
  });

  it('rejects anything else', () => {
    expect(readProxyResponse(null)).toBeNull();
    expect(readProxyResponse(['body'])).toBeNull();
    expect(readProxyResponse({ status: 200 })).toBeNull();
    expect(readProxyResponse(['', '200', {}])).toBeNull();
  });
});

describe('readRelayError', () => {
  it('reads the contract-2 error shape only', () => {
    expect(readRelayError(error('quota_exceeded', 'Quota used up'))).toEqual({
      code: 'quota_exceeded',
      message: 'Quota used up',
    });
    expect(readRelayError(readFailed('host_not_allowed'))).toEqual({
      code: 'kintone_read_failed',
      message: 'kintone refused',
      reason: 'host_not_allowed',
    });
    expect(readRelayError(JSON.stringify({ error: { code: 'x', message: 'y', details: { reason: 3 } } }))).toEqual({
      code: 'x',
      message: 'y',
    });
    expect(readRelayError('{"message":"x"}')).toBeNull();
    expect(readRelayError('<html>')).toBeNull();
  });
});
