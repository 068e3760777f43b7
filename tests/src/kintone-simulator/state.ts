import { randomBytes } from 'node:crypto';
import type { PluginPackage } from './plugin-package';
import type { ProxyConfigEntry, ProxyLogEntry, SimApp, SimUser } from './types';

export interface UserRef {
  code: string;
  name: string;
}

export interface StoredRecord {
  id: number;
  revision: number;
  /** Form-field values only; built-in fields are derived from the other properties. */
  values: Record<string, { type: string; value: unknown }>;
  creator: UserRef;
  createdAt: string;
  modifier: UserRef;
  updatedAt: string;
  status: string | null;
}

/** Plug-in settings of one app. kintone keeps what the admin saved apart from what "Update App" deployed. */
export interface SettingsCopy {
  config: Record<string, string> | null;
  proxy: ProxyConfigEntry[];
}

export interface AppState {
  app: SimApp;
  records: Map<number, StoredRecord>;
  nextRecordId: number;
  nextRowId: number;
  createdAt: string;
  pending: SettingsCopy;
  deployed: SettingsCopy;
  /** A settings save is in flight; kintone fails overlapping saves with a lock error. */
  saving: boolean;
}

export interface SimState {
  plugin: PluginPackage;
  apps: Map<string, AppState>;
  users: SimUser[];
  proxyLog: ProxyLogEntry[];
  /** Signs request tokens, so a token from one user or server is useless elsewhere. */
  secret: Buffer;
}

// kintone records REST writes made with an API token as done by "Administrator" (kintone.dev authentication docs).
export const API_TOKEN_USER: UserRef = { code: 'Administrator', name: 'Administrator' };

export function createState(plugin: PluginPackage, users: SimUser[]): SimState {
  const withDefault = users.length > 0 ? users : [{ code: 'Administrator', name: 'Administrator' }];
  return {
    plugin,
    apps: new Map(),
    users: withDefault.map((user, index) => ({ ...user, isAdmin: user.isAdmin ?? index === 0 })),
    proxyLog: [],
    secret: randomBytes(32),
  };
}

export function emptySettings(): SettingsCopy {
  return { config: null, proxy: [] };
}

export function copySettings(settings: SettingsCopy): SettingsCopy {
  return structuredClone(settings);
}

export function findUser(state: SimState, code: string | undefined): SimUser | undefined {
  return code === undefined ? undefined : state.users.find((user) => user.code === code);
}

export function userRef(user: SimUser): UserRef {
  return { code: user.code, name: user.name };
}

/** kintone timestamps have minute precision: `YYYY-MM-DDTHH:MM:00Z` in UTC. */
export function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16)}:00Z`;
}
