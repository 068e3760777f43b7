/**
 * Where to go after logging in: only a dashboard page of this site. Anything else — another
 * host, `//host`, a backslash trick — falls back to the overview, so the login form cannot be
 * turned into an open redirect.
 */
export function safeNextPath(next: string | undefined): string | undefined {
  if (!next || next.length > 500) return undefined;
  if (!/^\/dashboard(?:[/?]|$)/.test(next)) return undefined;
  if (/[\\\s]/.test(next) || next.includes('//')) return undefined;
  return next;
}
