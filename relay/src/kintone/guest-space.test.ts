import { describe, expect, it } from 'vitest';
import { trustedRecordUrl } from '../notifications/record-url';
import { guestSpaceIdFromRecordUrl } from './guest-space';

describe('guestSpaceIdFromRecordUrl', () => {
  it('reads the space from a guest-space record link', () => {
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/12/show#record=34', '12')).toBe('7');
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/12/show#record=34&mode=edit', '12')).toBe('7');
    expect(guestSpaceIdFromRecordUrl('http://127.0.0.1:5000/k/guest/3/7/show#record=1', '7')).toBe('3');
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/m/guest/8/12/show?record=34', '12')).toBe('8');
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/12/', '12')).toBe('7');
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/12', '12')).toBe('7');
  });

  it('finds no space outside guest spaces', () => {
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/12/show#record=34', '12')).toBeUndefined();
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/m/12/show?record=34', '12')).toBeUndefined();
  });

  it('reads nothing from a link about another app', () => {
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/13/show#record=34', '12')).toBeUndefined();
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/123/show#record=34', '12')).toBeUndefined();
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/1/show#record=34', '12')).toBeUndefined();
  });

  it.each([
    'https://acme.cybozu.com/k/guest/x/12/show#record=34',
    'https://acme.cybozu.com/k/guest/0/12/show#record=34',
    'https://acme.cybozu.com/k/guest/07/12/show#record=34',
    'https://acme.cybozu.com/k/guest/-7/12/show#record=34',
    'https://acme.cybozu.com/k/guest//12/show#record=34',
    'https://acme.cybozu.com/k/guest/7%2F12/show#record=34',
    'https://acme.cybozu.com/k/guest/123456789012345678901/12/show',
    'https://acme.cybozu.com/x/k/guest/7/12/show',
    'https://acme.cybozu.com/k/12/show#/k/guest/7/12/',
    'https://acme.cybozu.com/k/12/show?next=/k/guest/7/12/',
    'not a url',
    '',
  ])('reads no space from %j', (url) => {
    expect(guestSpaceIdFromRecordUrl(url, '12')).toBeUndefined();
  });

  it('reads the path as the server will, after dot segments', () => {
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/9/../../guest/7/12/show', '12')).toBe('7');
    expect(guestSpaceIdFromRecordUrl('https://acme.cybozu.com/k/guest/7/../12/show', '12')).toBeUndefined();
  });

  it('works on the link the relay trusts', () => {
    const sent = { kintoneHost: 'acme.cybozu.com', appId: '12', recordId: '34' };
    const guest = trustedRecordUrl(
      { ...sent, recordUrl: 'https://acme.cybozu.com/k/guest/7/12/show#record=34' },
      false,
    );
    expect(guestSpaceIdFromRecordUrl(guest, '12')).toBe('7');
    // A link to another host is replaced by the relay's own, which has no guest space.
    const forged = trustedRecordUrl({ ...sent, recordUrl: 'https://evil.net/k/guest/7/12/show#record=34' }, false);
    expect(guestSpaceIdFromRecordUrl(forged, '12')).toBeUndefined();
  });
});
