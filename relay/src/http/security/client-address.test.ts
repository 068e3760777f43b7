import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address';
import { currentWindow } from './fixed-window';

async function addressOf(trustedProxies: number, forwardedFor?: string): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, trustedProxies) ?? 'none'));
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor };
  const response = await app.request('/', { headers });
  return response.text();
}

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless the relay is told it is behind a proxy', async () => {
    expect(await addressOf(0, '203.0.113.9')).toBe('none');
  });

  it('takes the entry the trusted proxy wrote, never one the client put in front of it', async () => {
    expect(await addressOf(1, '203.0.113.9')).toBe('203.0.113.9');
    expect(await addressOf(1, '10.0.0.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(await addressOf(2, '10.0.0.1, 203.0.113.9, 198.51.100.1')).toBe('203.0.113.9');
    expect(await addressOf(3, '203.0.113.9, 198.51.100.1')).toBe('203.0.113.9');
  });

  it('falls back to the socket when the header is missing or not an address', async () => {
    expect(await addressOf(1)).toBe('none');
    expect(await addressOf(1, 'evil')).toBe('none');
  });
});

describe('addressKey', () => {
  it.each([
    [undefined, 'unknown'],
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (address, key) => expect(addressKey(address)).toBe(key));
});

describe('currentWindow', () => {
  it('aligns windows to their length and says how long the current one has left', () => {
    const limit = { requests: 5, windowMs: 60_000 };
    const now = new Date('2026-01-01T00:00:45.200Z');
    expect(currentWindow(limit, now)).toEqual({ windowStart: new Date('2026-01-01T00:00:00Z'), secondsLeft: 15 });
  });
});
