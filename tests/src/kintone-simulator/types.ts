import type { BrowserContext } from 'playwright-core';

/** A form field of a simulated app. `options` for choice fields, `fields` for SUBTABLE rows. */
export interface SimField {
  type: string;
  code: string;
  label: string;
  options?: string[];
  required?: boolean;
  fields?: Record<string, SimField>;
}

export interface SimUser {
  code: string;
  name: string;
  language?: 'ja' | 'en';
  timezone?: string;
  email?: string;
  /** App administrator (may open the plug-in settings and app settings). Default: true for the first user only. */
  isAdmin?: boolean;
}

/** A record as a test supplies it: `type` may be omitted, it is taken from the app's fields. */
export type SimRecordInput = Record<string, { type?: string; value: unknown }>;

/** A record in kintone's REST/JS field format. */
export type KintoneRecord = Record<string, { type: string; value: unknown }>;

export interface SimProcess {
  states: string[];
  actions: Array<{ name: string; from: string; to: string }>;
}

export interface SimApp {
  id: string;
  name: string;
  fields: Record<string, SimField>;
  guestSpaceId?: string;
  spaceId?: string;
  /** Initial records (values for user fields as `[{ code, name }]`). */
  records?: SimRecordInput[];
  /** Process management; a new record's status is `states[0]`. */
  process?: SimProcess;
  /** REST API tokens accepted for this app. */
  apiTokens?: string[];
  /** Default true; false → session users cannot view records, so create.submit.success gets `record: null`. */
  viewableByCreator?: boolean;
}

export interface ProxyConfigEntry {
  url: string;
  method: string;
  headers: Record<string, string>;
  data: Record<string, string>;
}

export interface PluginSettings {
  config: Record<string, string>;
  proxy: ProxyConfigEntry[];
}

export interface ProxyLogEntry {
  url: string;
  method: string;
  /** 0 when the request never got an answer (connection refused, DNS, timeout). */
  status: number;
  requestHeaders: Record<string, string>;
  requestBody: string;
  responseBody: string;
}

export interface KintoneSimulatorOptions {
  /** Path to plugin.zip or its bytes. */
  pluginZip: string | Uint8Array;
  port?: number;
  host?: string;
  users?: SimUser[];
  apps?: SimApp[];
}

export interface SimulatorUrls {
  index(appId: string): string;
  create(appId: string): string;
  detail(appId: string, recordId: string | number): string;
  edit(appId: string, recordId: string | number): string;
  mobileIndex(appId: string): string;
  mobileCreate(appId: string): string;
  mobileDetail(appId: string, recordId: string | number): string;
  mobileEdit(appId: string, recordId: string | number): string;
  /** `/k/admin/app/<appId>/plugin/config?pluginId=<id>` */
  pluginSettings(appId: string): string;
  /** `/k/admin/app/<appId>/plugin/` */
  pluginList(appId: string): string;
  /** `/k/admin/app/flow?app=<appId>` (has the "Update App" button) */
  appSettings(appId: string): string;
}

export interface KintoneSimulator {
  /** `http://127.0.0.1:<port>`; `location.host` on its pages is what a plug-in stores as kintoneHost. */
  origin: string;
  pluginId: string;
  manifest: unknown;
  urls: SimulatorUrls;
  addApp(app: SimApp): void;
  addUser(user: SimUser): void;
  /** Sets the session cookie of `userCode` for a playwright context. */
  loginAs(context: BrowserContext, userCode: string): Promise<void>;
  /** The app's records in kintone's field format, oldest first. */
  records(appId: string): KintoneRecord[];
  /** What setConfig stored: the pending (latest saved) copy, or the deployed one. null = never saved. */
  pluginConfig(appId: string, options?: { deployed?: boolean }): Record<string, string> | null;
  proxyConfigs(appId: string, options?: { deployed?: boolean }): ProxyConfigEntry[];
  /** As if an admin had saved the settings and clicked "Update App". */
  seedPluginSettings(appId: string, settings: PluginSettings): void;
  /** Every request the server-side proxy forwarded (or tried to). */
  proxyLog(): ProxyLogEntry[];
  close(): Promise<void>;
}

/** `window.__kintoneSim` on every simulated page, for tests. Reset by each page load. */
export interface KintoneSimBrowserState {
  /** True once the screen is rendered and its show event handlers have finished. */
  ready: boolean;
  notifications: Array<{ type: 'ERROR' | 'SUCCESS' | 'INFO'; message: string }>;
  /** Every event the screen fired, as it was before the handlers ran. */
  events: Array<{ type: string; event: unknown }>;
  /** Handlers that threw or returned a rejected promise. */
  handlerErrors: Array<{ type: string; message: string }>;
  /** kintone error dialogs (e.g. a settings save that hit the lock). */
  errors: Array<{ message: string }>;
}
