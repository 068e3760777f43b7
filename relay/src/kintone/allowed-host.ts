/**
 * Which kintone hosts the relay may send a tenant's API token to.
 *
 * `kintoneHost` comes from the stored proxy data, so only an app administrator can set it — but
 * an administrator of any tenant can set it to anything. Without this check, the relay would
 * send requests (with a token) wherever a tenant points it: other sites, internal addresses, the
 * metadata service. So the host is parsed strictly and must match the operator's allow-list
 * (`KINTONE_ALLOWED_HOSTS`, default `*.cybozu.com,*.kintone.com,*.cybozu.cn`).
 *
 * Rules, deliberately narrow:
 * - Only a bare host name, as `location.host` gives it: no scheme, userinfo, path, query,
 *   whitespace, trailing dot, percent-encoding or non-ASCII. Anything else is refused rather
 *   than cleaned up, so what is checked is exactly what is connected to.
 * - `*.suffix` matches exactly ONE label before the suffix: `acme.cybozu.com`, but not
 *   `cybozu.com`, `evilcybozu.com`, `acme.cybozu.com.evil.net` nor `acme.s.cybozu.com`.
 *   A kintone subdomain is a single label; `<sub>.s.cybozu.com` is kintone's client-certificate
 *   ("secure access") host, which the relay cannot use anyway since it holds no certificate.
 *   The suffix itself must have two labels or more, so a slip like `*.com` matches nothing.
 * - A pattern without `*` matches that host exactly. Any other use of `*` matches nothing.
 * - Ports are refused on non-loopback hosts: kintone is only ever served on 443.
 * - IP literals are refused (the last label must start with a letter), so no pattern can admit
 *   `10.0.0.1` or `169.254.169.254`.
 * - Loopback (`localhost`, `127.a.b.c`, `[::1]`, each with an optional port) is allowed only when
 *   `allowLoopback` is set (tests), whatever the list says; `*.localhost` names (which resolvers
 *   may answer with a loopback address, RFC 6761) never are.
 */

/** A host that passed the check, normalised to lower case. */
export interface AllowedKintoneHost {
  /** As it goes into a URL: `acme.cybozu.com`, `localhost`, `127.0.0.1`, `[::1]`. */
  hostname: string;
  /** Only ever set for loopback hosts. */
  port?: number;
  loopback: boolean;
}

// RFC 1123 labels: letters, digits and inner hyphens, 1–63 characters.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
// The top label starts with a letter, which is what keeps IPv4 literals out.
const TOP_LABEL = '[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DNS_NAME = new RegExp(`^(?:${LABEL}\\.)+${TOP_LABEL}$`);
const MAX_NAME_LENGTH = 253;

// Decimal octets without leading zeros: `127.0.0.010` would be read as octal by some parsers.
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_NAME = new RegExp(`^(?:localhost|127\\.${OCTET}\\.${OCTET}\\.${OCTET}|\\[::1\\])$`);

// A name (or a bracketed ::1) and an optional port without leading zeros. Every other character
// — `@`, `/`, `\`, `?`, `#`, `%`, whitespace, `:` inside the name — fails here.
const HOST_SYNTAX = /^(\[::1\]|[a-z0-9.-]+)(?::([1-9]\d{0,4}))?$/;

function isDnsName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && DNS_NAME.test(name);
}

function matchesPattern(hostname: string, rawPattern: string): boolean {
  const pattern = rawPattern.trim().toLowerCase();
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(2);
    if (!isDnsName(suffix) || !hostname.endsWith(`.${suffix}`)) return false;
    const prefix = hostname.slice(0, -(suffix.length + 1));
    // hostname is already a valid DNS name, so a dot-free non-empty prefix is one valid label.
    return prefix !== '' && !prefix.includes('.');
  }
  return isDnsName(pattern) && hostname === pattern;
}

/**
 * The normalised host when the relay may send a kintone API token to it, otherwise undefined.
 * `allowed` is the parsed `KINTONE_ALLOWED_HOSTS` list.
 */
export function allowedKintoneHost(
  host: string,
  allowed: readonly string[],
  allowLoopback: boolean,
): AllowedKintoneHost | undefined {
  if (typeof host !== 'string' || host.length > MAX_NAME_LENGTH + 6) return undefined;
  const match = HOST_SYNTAX.exec(host.toLowerCase());
  const hostname = match?.[1];
  if (hostname === undefined) return undefined;
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && port > 65_535) return undefined;

  if (LOOPBACK_NAME.test(hostname)) {
    if (!allowLoopback) return undefined;
    return port === undefined ? { hostname, loopback: true } : { hostname, port, loopback: true };
  }
  // RFC 6761: resolvers may answer any `*.localhost` name with a loopback address.
  if (port !== undefined || !isDnsName(hostname) || hostname.endsWith('.localhost')) return undefined;
  return allowed.some((pattern) => matchesPattern(hostname, pattern)) ? { hostname, loopback: false } : undefined;
}

export function isAllowedKintoneHost(host: string, allowed: readonly string[], allowLoopback: boolean): boolean {
  return allowedKintoneHost(host, allowed, allowLoopback) !== undefined;
}
