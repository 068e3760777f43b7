/** The one relay endpoint registered with setProxyConfig (full path: the proxy matches by prefix). */
export const NOTIFICATIONS_PATH = '/v1/notifications';

export type RelayUrlProblem = 'required' | 'invalid' | 'insecure';

export type RelayUrlResult = { ok: true; url: string } | { ok: false; problem: RelayUrlProblem };

// Plain http is accepted only for a relay running on the developer's own machine.
const DEVELOPMENT_HOSTS = new Set(['localhost', '127.0.0.1']);

export function stripTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Checks a relay URL typed by an administrator and normalises it to origin plus optional base
 * path, without a trailing slash (contract 1).
 */
export function parseRelayUrl(input: string): RelayUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'required' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return { ok: false, problem: 'invalid' };
  }
  // `new URL` accepts "https://example.com?" and "https://example.com#"; their empty query or
  // fragment would be lost silently, so the raw text is checked too.
  if (/[?#]/.test(text)) return { ok: false, problem: 'invalid' };
  if (url.protocol === 'http:' && !DEVELOPMENT_HOSTS.has(url.hostname)) return { ok: false, problem: 'insecure' };
  return { ok: true, url: stripTrailingSlashes(url.origin + url.pathname) };
}

export function notificationsEndpoint(relayUrl: string): string {
  return stripTrailingSlashes(relayUrl) + NOTIFICATIONS_PATH;
}

export function billingPageUrl(relayUrl: string): string {
  return `${stripTrailingSlashes(relayUrl)}/dashboard/billing`;
}
