export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '::1' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * The record link in a message must point at the tenant's own kintone, never at a place a forged
 * request names. The caller's URL is kept only when it is on the stored kintone host (it may
 * carry a guest-space path); otherwise the relay builds the link itself. Plain http is allowed
 * only for loopback hosts when tests enable it.
 */
export function trustedRecordUrl(
  input: { kintoneHost: string; appId: string; recordId: string; recordUrl?: string | undefined },
  allowLoopback: boolean,
): string {
  const scheme = allowLoopback && isLoopbackHost(input.kintoneHost) ? 'http' : 'https';
  const origin = `${scheme}://${input.kintoneHost}`;
  if (input.recordUrl?.startsWith(`${origin}/k/`) && !/\s/.test(input.recordUrl)) return input.recordUrl;
  return `${origin}/k/${input.appId}/show#record=${input.recordId}`;
}
