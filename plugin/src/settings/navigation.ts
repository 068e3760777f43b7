/** `/k`, or `/k/guest/<spaceId>` when the settings page is opened inside a guest space. */
export function kintonePathPrefix(pathname: string): string {
  const admin = /^(\/k(?:\/guest\/\d+)?)\/admin\//.exec(pathname);
  if (admin?.[1]) return admin[1];
  const guest = /^\/k\/guest\/(\d+)\//.exec(pathname);
  return guest ? `/k/guest/${guest[1]}` : '/k';
}

/** Where Cancel goes: the app's plug-in list (kintone's own templates use `../../<appId>/plugin/`). */
export function pluginListPath(pathname: string, appId: string): string {
  return `${kintonePathPrefix(pathname)}/admin/app/${encodeURIComponent(appId)}/plugin/`;
}

/** Where Save goes: the app settings, where the admin clicks "Update App" (`../../flow?app=<id>`). */
export function appSettingsPath(pathname: string, appId: string): string {
  return `${kintonePathPrefix(pathname)}/admin/app/flow?app=${encodeURIComponent(appId)}`;
}
