import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../support/browser';
import { type KintoneSimulator, type SimApp, startKintoneSimulator } from '../index';
import { buildFixturePlugin } from './fixture-plugin';
import { type HttpReceiver, startHttpReceiver } from './http-receiver';
import { sampleApp, USERS } from './sample-apps';

export interface SimulatorSuite {
  sim: KintoneSimulator;
  browser: Browser;
  /** Stands in for the relay. */
  relay: HttpReceiver;
  /**
   * Adds a fresh sample app whose deployed settings point the fixture plug-in at the relay
   * (`Authorization: Bearer stored-key`, data `kintoneHost: stored-host`), and returns its id.
   */
  addRelayApp(overrides?: Partial<SimApp>): string;
}

/** One simulator (with the fixture plug-in), one browser and one relay stand-in per test file. */
export function setUpSimulatorSuite({ apps = [] }: { apps?: SimApp[] } = {}): SimulatorSuite {
  let started: Omit<SimulatorSuite, 'addRelayApp'> | undefined;
  let nextAppId = 1000;
  beforeAll(async () => {
    const [relay, fixture, browser] = await Promise.all([startHttpReceiver(), buildFixturePlugin(), launchBrowser()]);
    const sim = await startKintoneSimulator({ pluginZip: fixture.zip, users: USERS, apps });
    started = { sim, browser, relay };
  }, 30_000);
  afterAll(async () => {
    await started?.browser.close();
    await started?.sim.close();
    await started?.relay.close();
  });
  const get = () => {
    if (!started) throw new Error('The simulator suite is not started (use it inside tests)');
    return started;
  };
  return {
    get sim() {
      return get().sim;
    },
    get browser() {
      return get().browser;
    },
    get relay() {
      return get().relay;
    },
    addRelayApp(overrides = {}) {
      const { sim, relay } = get();
      const appId = String(nextAppId++);
      sim.addApp(sampleApp(appId, overrides));
      sim.seedPluginSettings(appId, {
        config: { relayUrl: relay.url },
        proxy: [
          {
            url: `${relay.url}/v1/notifications`,
            method: 'POST',
            headers: { Authorization: 'Bearer stored-key' },
            data: { kintoneHost: 'stored-host' },
          },
        ],
      });
      return appId;
    },
  };
}
