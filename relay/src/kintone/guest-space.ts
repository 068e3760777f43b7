/**
 * kintone serves a guest-space app's REST API only under `/k/guest/<space>/v1/` (through `/k/v1/`
 * it answers 400 GAIA_IL23), and the request body carries no space id. The plug-in puts it in
 * the record link instead: `https://<host>/k/guest/<space>/<app>/show#record=<id>`
 * (plugin/src/runtime/build-request.ts); the mobile form `/k/m/guest/<space>/<app>/…` is
 * accepted too, as the plug-in does.
 *
 * Pass the link `trustedRecordUrl` returned (notifications/record-url.ts): it is then on the
 * stored kintone host. The path is still the caller's, so the app in it must be the request's
 * app; otherwise the link is about something else and no space is read from it. A forged space
 * id is harmless: the API token only works for its own app, so kintone refuses the read.
 */
const GUEST_APP_PATH = /^\/k\/(?:m\/)?guest\/([1-9]\d{0,19})\/([1-9]\d{0,19})(?:\/|$)/;

/** The guest space id in a record link, or undefined for an app outside guest spaces. */
export function guestSpaceIdFromRecordUrl(recordUrl: string, appId: string): string | undefined {
  let pathname: string;
  try {
    // URL resolves `.` and `..` segments the way kintone's server would see the path.
    pathname = new URL(recordUrl).pathname;
  } catch {
    return undefined;
  }
  const match = GUEST_APP_PATH.exec(pathname);
  if (!match || match[2] !== appId) return undefined;
  return match[1];
}
