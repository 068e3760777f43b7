import type { KintoneRecord } from '@k2c/rules';
import { describe, expect, it, vi } from 'vitest';
import { notificationRequestSchema } from '../notifications/notification-request';
import { withAuthoritativeValues } from './authoritative-request';
import type { FetchAuthoritativeRecordOptions } from './fetch-record';
import { KintoneFetchError } from './kintone-fetch-error';

const request = (overrides: Record<string, unknown> = {}) =>
  notificationRequestSchema.parse({
    event: 'edit',
    appId: '12',
    recordId: '34',
    revision: '5',
    recordUrl: 'https://acme.cybozu.com/k/guest/7/12/show#record=34',
    record: { title: { type: 'SINGLE_LINE_TEXT', value: 'claimed' } },
    rules: '{"version":1,"rules":[]}',
    kintoneHost: 'acme.cybozu.com',
    kintoneApiToken: ' token-abc ',
    ...overrides,
  });

const stored: KintoneRecord = {
  title: { type: 'SINGLE_LINE_TEXT', value: 'stored' },
  $revision: { type: '__REVISION__', value: '6' },
};

describe('withAuthoritativeValues', () => {
  it('asks for the right record, in the guest space of the trusted link, with the options given', async () => {
    const fetchRecord = vi.fn(async (_: FetchAuthoritativeRecordOptions) => stored);
    const result = await withAuthoritativeValues(request(), {
      allowedHosts: ['*.cybozu.com'],
      allowLoopback: false,
      timeoutMs: 1_234,
      fetchRecord,
    });
    expect(fetchRecord).toHaveBeenCalledWith({
      host: 'acme.cybozu.com',
      apiToken: 'token-abc',
      appId: '12',
      recordId: '34',
      guestSpaceId: '7',
      allowedHosts: ['*.cybozu.com'],
      allowLoopback: false,
      timeoutMs: 1_234,
    });
    expect(result.record).toBe(stored);
    expect(result.revision).toBe('6');
  });

  it('reads no guest space from a link on another host', async () => {
    const fetchRecord = vi.fn(async (_: FetchAuthoritativeRecordOptions) => stored);
    await withAuthoritativeValues(request({ recordUrl: 'https://evil.net/k/guest/7/12/show#record=34' }), {
      allowedHosts: ['*.cybozu.com'],
      allowLoopback: false,
      fetchRecord,
    });
    expect(fetchRecord.mock.calls[0]?.[0].guestSpaceId).toBeUndefined();
  });

  it("keeps the caller's revision only if kintone sent none", async () => {
    const withoutRevision = { title: stored.title } as KintoneRecord;
    const result = await withAuthoritativeValues(request(), {
      allowedHosts: ['*.cybozu.com'],
      allowLoopback: false,
      fetchRecord: async () => withoutRevision,
    });
    expect(result.revision).toBe('5');
  });

  it('lets a failed read fail the request: no fallback to the browser values', async () => {
    const failure = new KintoneFetchError('unauthorized', 'kintone refused the API token');
    await expect(
      withAuthoritativeValues(request(), {
        allowedHosts: ['*.cybozu.com'],
        allowLoopback: false,
        fetchRecord: async () => {
          throw failure;
        },
      }),
    ).rejects.toBe(failure);
  });
});
