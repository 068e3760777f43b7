import { isIP, isIPv4 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address. Without trusted proxies it is the socket's peer. With `trustedProxies`
 * (TRUST_PROXY) it is read from X-Forwarded-For, counting that many entries from the right:
 * each proxy appends the address it saw, so the entries to the left of the outermost trusted
 * proxy's were written by the client and could be anything. With one proxy that replaces the
 * header, that entry is the first and only one.
 *
 * Undefined when there is no socket (requests made with `app.request` in tests).
 */
export function clientAddress(c: Context, trustedProxies: number): string | undefined {
  if (trustedProxies > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const entry = entries[Math.max(0, entries.length - trustedProxies)];
    if (entry && isIP(entry)) return entry;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * The part of an address that rate limits count by: an IPv4 address as it is (also when written
 * as IPv4-mapped IPv6), an IPv6 address by its /64 network, since one customer line usually gets
 * a whole /64 and could otherwise change address for every request.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const plain = (address.split('%')[0] ?? '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(plain) || isIP(plain) !== 6 || plain.includes('.')) return plain;
  const [head = '', tail] = plain.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
