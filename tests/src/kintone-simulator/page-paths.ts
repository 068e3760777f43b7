import type { SimApp } from './types';

export type PageRoute =
  | { kind: 'portal' }
  | {
      kind: 'index' | 'create' | 'show' | 'detail' | 'edit';
      mobile: boolean;
      appId: string;
      guestSpaceId: string | null;
      recordId: string | null;
    }
  | { kind: 'settings' | 'plugin-list' | 'flow'; mobile: false; appId: string; guestSpaceId: string | null };

/**
 * kintone's screen URLs. Desktop record screens keep the record in the hash (`show#record=5`, edit mode
 * `show#record=5&mode=edit`), so the server cannot see it and the page resolves it. Mobile screens use
 * `?record=5`. Guest-space apps live under `/k/guest/<space>/`; for mobile the simulator uses
 * `/k/m/guest/<space>/` (kintone's exact mobile guest path is not documented).
 */
export function parsePagePath(url: URL): PageRoute | undefined {
  const path = url.pathname;
  if (path === '/' || path === '/k/' || path === '/k') return { kind: 'portal' };
  const admin = /^\/k\/(?:guest\/(\d+)\/)?admin\/app\/(?:(\d+)\/plugin\/(config)?|flow)$/.exec(path);
  if (admin) {
    const guestSpaceId = admin[1] ?? null;
    if (admin[2] === undefined)
      return { kind: 'flow', mobile: false, appId: url.searchParams.get('app') ?? '', guestSpaceId };
    return { kind: admin[3] ? 'settings' : 'plugin-list', mobile: false, appId: admin[2], guestSpaceId };
  }
  const record = /^\/k\/(m\/)?(?:guest\/(\d+)\/)?(\d+)\/(edit|show)?$/.exec(path);
  if (!record?.[3]) return undefined;
  const mobile = record[1] !== undefined;
  const screen = record[4];
  const recordId = url.searchParams.get('record');
  const common = { mobile, appId: record[3], guestSpaceId: record[2] ?? null, recordId };
  if (screen === undefined) return { kind: 'index', ...common };
  if (!mobile) return { kind: screen === 'edit' ? 'create' : 'show', ...common };
  if (screen === 'show') return { kind: 'detail', ...common };
  return { kind: recordId ? 'edit' : 'create', ...common };
}

export function isAdminRoute(route: PageRoute): boolean {
  return route.kind === 'settings' || route.kind === 'plugin-list' || route.kind === 'flow';
}

/** `/k/<app>/` or `/k/guest/<space>/<app>/` (mobile: `/k/m/...`). */
export function appBasePath(app: SimApp, mobile: boolean): string {
  const guest = app.guestSpaceId ? `guest/${app.guestSpaceId}/` : '';
  return `/k/${mobile ? 'm/' : ''}${guest}${app.id}/`;
}

/** `/k/admin/app/` or `/k/guest/<space>/admin/app/`. */
export function adminBasePath(app: SimApp): string {
  return `/k/${app.guestSpaceId ? `guest/${app.guestSpaceId}/` : ''}admin/app/`;
}

export interface AppPaths {
  index: string;
  create: string;
  detail: (recordId: string | number) => string;
  edit: (recordId: string | number) => string;
}

export function appPaths(app: SimApp, mobile: boolean): AppPaths {
  const base = appBasePath(app, mobile);
  if (mobile) {
    return {
      index: base,
      create: `${base}edit`,
      detail: (recordId) => `${base}show?record=${recordId}`,
      edit: (recordId) => `${base}edit?record=${recordId}`,
    };
  }
  return {
    index: base,
    create: `${base}edit`,
    detail: (recordId) => `${base}show#record=${recordId}`,
    edit: (recordId) => `${base}show#record=${recordId}&mode=edit`,
  };
}

export function pluginSettingsPath(app: SimApp, pluginId: string): string {
  return `${adminBasePath(app)}${app.id}/plugin/config?pluginId=${pluginId}`;
}

export function pluginListPath(app: SimApp): string {
  return `${adminBasePath(app)}${app.id}/plugin/`;
}

export function appSettingsPath(app: SimApp): string {
  return `${adminBasePath(app)}flow?app=${app.id}`;
}
