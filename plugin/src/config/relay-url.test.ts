import { describe, expect, it } from 'vitest';
import { billingPageUrl, notificationsEndpoint, parseRelayUrl } from './relay-url';

describe('parseRelayUrl', () => {
  it.each([
    ['https://relay.example.com', 'https://relay.example.com'],
    ['https://relay.example.com/', 'https://relay.example.com'],
    ['  https://Relay.Example.com///  ', 'https://relay.example.com'],
    ['https://example.com/k2c/', 'https://example.com/k2c'],
    ['https://example.com:8443/base/path', 'https://example.com:8443/base/path'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
  ])('accepts %s as %s', (input, url) => {
    expect(parseRelayUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['relay.example.com', 'invalid'],
    ['ftp://relay.example.com', 'invalid'],
    ['https://relay.example.com/?x=1', 'invalid'],
    ['https://relay.example.com/#top', 'invalid'],
    ['https://relay.example.com?', 'invalid'],
    ['https://user:pass@relay.example.com', 'invalid'],
    ['http://relay.example.com', 'insecure'],
    ['http://localhost.example.com', 'insecure'],
    ['http://192.168.0.10:8787', 'insecure'],
  ] as const)('rejects %j as %s', (input, problem) => {
    expect(parseRelayUrl(input)).toEqual({ ok: false, problem });
  });
});

describe('relay endpoints', () => {
  it('registers the full notifications path and links to billing', () => {
    expect(notificationsEndpoint('https://relay.example.com/')).toBe('https://relay.example.com/v1/notifications');
    expect(notificationsEndpoint('https://example.com/k2c')).toBe('https://example.com/k2c/v1/notifications');
    expect(billingPageUrl('https://relay.example.com')).toBe('https://relay.example.com/dashboard/billing');
  });
});
