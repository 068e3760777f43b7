import { KintoneRestAPIError } from '@kintone/rest-api-client';
import { describe, expect, it } from 'vitest';
import { classifyFetchError, kintoneFetchError } from './classify-fetch-error';
import { KintoneFetchError } from './kintone-fetch-error';

const HOST = 'acme.cybozu.com';

function kintoneAnswer(status: number, code: string, message = 'メッセージ') {
  return new KintoneRestAPIError({ data: { id: 'abc', code, message }, status, statusText: '', headers: {} });
}

describe('classifyFetchError', () => {
  it.each([
    [401, 'CB_AU01', 'unauthorized'],
    [401, 'CB_WA01', 'unauthorized'],
    [403, 'CB_NO02', 'unauthorized'],
    [403, 'GAIA_NO01', 'unauthorized'],
    [400, 'GAIA_IA02', 'unauthorized'],
    [400, 'GAIA_AP15', 'unauthorized'],
    [404, 'GAIA_RE01', 'record_not_found'],
    [404, 'GAIA_AP01', 'record_not_found'],
    [400, 'GAIA_IL23', 'record_not_found'],
    [429, 'GAIA_TO04', 'unavailable'],
    [500, 'GAIA_UN01', 'unavailable'],
    [503, 'CB_UN01', 'unavailable'],
    [400, 'CB_VA01', 'rejected'],
    [409, 'GAIA_CO02', 'rejected'],
  ] as const)('maps a kintone %i %s to %s', (status, code, reason) => {
    const error = classifyFetchError(kintoneAnswer(status, code), HOST);
    expect(error).toBeInstanceOf(KintoneFetchError);
    expect(error).toMatchObject({ reason, status, kintoneCode: code });
    expect(error.message).toContain(`${HOST}: ${status} ${code}`);
  });

  it('maps non-JSON error pages by their status', () => {
    expect(classifyFetchError(new Error('503: Service Unavailable'), HOST)).toMatchObject({
      reason: 'unavailable',
      status: 503,
    });
    expect(classifyFetchError(new Error('401: Unauthorized'), HOST)).toMatchObject({ reason: 'unauthorized' });
    expect(classifyFetchError(new Error('404: Not Found'), HOST)).toMatchObject({ reason: 'record_not_found' });
    expect(classifyFetchError(new Error('418: I am a teapot'), HOST)).toMatchObject({ reason: 'rejected' });
  });

  it('maps transport failures', () => {
    const withCode = (code: string) => Object.assign(new Error(`failed ${code}`), { code });
    expect(classifyFetchError(withCode('ECONNABORTED'), HOST).reason).toBe('timeout');
    expect(classifyFetchError(withCode('ETIMEDOUT'), HOST).reason).toBe('timeout');
    expect(classifyFetchError(withCode('ECONNREFUSED'), HOST).reason).toBe('unavailable');
    expect(classifyFetchError(withCode('ENOTFOUND'), HOST).reason).toBe('unavailable');
    expect(classifyFetchError(new TypeError('x'), HOST).reason).toBe('unavailable');
    expect(classifyFetchError('not even an error', HOST).reason).toBe('unavailable');
  });

  it('keeps nothing of the original error: no message, no cause, no headers', () => {
    const token = 'SECRET-TOKEN-123';
    const original = Object.assign(new Error(`connect failed with ${token}`), {
      code: 'ECONNREFUSED',
      config: { headers: { 'X-Cybozu-API-Token': token } },
    });
    const error = classifyFetchError(original, HOST);
    expect(error.cause).toBeUndefined();
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(token);
    const fromKintone = classifyFetchError(kintoneAnswer(400, 'CB_VA01', `echo ${token}`), HOST);
    expect(`${fromKintone.message} ${JSON.stringify(fromKintone)}`).not.toContain(token);
  });

  it('does not echo a code or host that is not shaped like one', () => {
    const error = classifyFetchError(kintoneAnswer(400, 'tok=abc def'), HOST);
    expect(error.kintoneCode).toBeUndefined();
    expect(error.message).not.toContain('tok=abc');
    const odd = kintoneFetchError('host_not_allowed', `evil.net/${'x'.repeat(300)} token`);
    expect(odd.message).not.toContain(' token');
    expect(odd.message.length).toBeLessThan(200);
  });

  it('passes its own errors through', () => {
    const own = kintoneFetchError('timeout', HOST);
    expect(classifyFetchError(own, HOST)).toBe(own);
  });
});
