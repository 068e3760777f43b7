import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KintoneSimBrowserState, KintoneSimulator } from '../index';

export interface FixtureReport {
  kind: string;
  type?: string;
  event?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Steers the fixture plug-in's handlers (read from `window.fixtureOptions` when an event fires). */
export interface FixtureOptions {
  cancelCreate?: boolean;
  fieldError?: boolean;
  changeTitle?: string;
  successUrl?: string;
  rejectProceed?: boolean;
  proceedFalse?: boolean;
}

export interface SimWindow {
  __kintoneSim?: KintoneSimBrowserState;
  fixtureOptions?: FixtureOptions;
  fixtureConfig?: Record<string, string> | null;
}

export interface SimSession {
  context: BrowserContext;
  page: Page;
  /** What the fixture plug-in reported, across page loads (a playwright binding survives navigation). */
  reports: FixtureReport[];
  pageErrors: Error[];
}

export async function openSession(
  browser: Browser,
  sim: KintoneSimulator,
  { user, options }: { user?: string; options?: FixtureOptions } = {},
): Promise<SimSession> {
  const context = await browser.newContext();
  const reports: FixtureReport[] = [];
  await context.exposeBinding('fixtureReport', (_source, entry: FixtureReport) => {
    reports.push(entry);
  });
  if (options) {
    await context.addInitScript((value) => {
      (window as unknown as SimWindow).fixtureOptions = value;
    }, options);
  }
  if (user) await sim.loginAs(context, user);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, reports, pageErrors };
}

/** Waits until the screen is rendered and its show handlers ran. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as SimWindow).__kintoneSim?.ready === true);
}

/**
 * Opens a screen with a full page load. Desktop detail and edit differ only in the hash, which would be
 * a same-document navigation (the simulator then reloads, as kintone does, racing the ready check).
 */
export async function gotoReady(page: Page, url: string): Promise<void> {
  if (page.url().split('#')[0] === url.split('#')[0]) await page.goto('about:blank');
  await page.goto(url);
  await waitReady(page);
}

/** The event types the fixture saw, in order. */
export function eventTypes(reports: FixtureReport[]): string[] {
  return reports.filter((report) => report.kind === 'event').map((report) => report.type ?? '');
}

export function eventOf(reports: FixtureReport[], type: string): Record<string, unknown> {
  const found = reports.find((report) => report.kind === 'event' && report.type === type);
  if (!found?.event) throw new Error(`The fixture saw no ${type} event; saw: ${eventTypes(reports).join(', ')}`);
  return found.event;
}

export async function waitForReport(
  reports: FixtureReport[],
  predicate: (report: FixtureReport) => boolean,
  timeoutMs = 5_000,
): Promise<FixtureReport> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = reports.find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`No matching fixture report within ${timeoutMs} ms; got: ${JSON.stringify(reports)}`);
}

type ProxyResult = [body: string, status: number, headers: Record<string, string>];

/**
 * The part of the browser `kintone` object the tests call inside `page.evaluate`. Declare it per test file
 * with `declare const kintone: KintoneForTests;` (module-scoped, so no global type is added to the package).
 */
export interface KintoneForTests {
  $PLUGIN_ID: string | undefined;
  api: {
    (pathOrUrl: string, method: string, params: unknown): Promise<unknown>;
    url(path: string, detectGuestSpace?: boolean): string;
  };
  proxy(url: string, method: string, headers: Record<string, string>, data: unknown): Promise<ProxyResult>;
  getLoginUser(): Record<string, unknown>;
  getUiVersion(): number;
  getRequestToken(): string;
  isMobilePage(): boolean;
  showNotification(type: string, message: string): Promise<void>;
  events: { on(type: string | string[], handler: (event: unknown) => unknown): void };
  app: {
    getId(): number | null;
    getHeaderSpaceElement(): HTMLElement | null;
    record: { getId(): number | null; get(): unknown };
  };
  mobile: {
    showNotification(type: string, message: string): Promise<void>;
    app: { getId(): number | null; record: { getId(): number | null } };
  };
  plugin: {
    app: {
      getConfig(pluginId: string | undefined): Record<string, string> | null;
      setConfig(config: unknown, callback?: () => void): void;
      setProxyConfig(url: string, method: string, headers: unknown, data: unknown, callback?: () => void): void;
      getProxyConfig(url: string, method: string): unknown;
      proxy: {
        (
          pluginId: string,
          url: string,
          method: string,
          headers: Record<string, string>,
          data: unknown,
        ): Promise<ProxyResult>;
        (
          pluginId: string,
          url: string,
          method: string,
          headers: Record<string, string>,
          data: unknown,
          success: (body: string, status: number, headers: Record<string, string>) => void,
          failure: (errorBody: string) => void,
        ): void;
      };
    };
  };
}
