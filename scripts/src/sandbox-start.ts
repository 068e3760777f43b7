import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, parseEnv, type RunningRelay, startRelay } from '@k2c/relay';
import { writePluginConfig } from '../../plugin/src/config/plugin-config';
import { type ChatworkFake, startChatworkFake } from '../../tests/src/chatwork-fake/index';
import { type KintoneSimulator, startKintoneSimulator } from '../../tests/src/kintone-simulator/index';
import { ensurePluginBuilt } from './ensure-plugin-built';
import { repoRoot } from './paths';
import { type SandboxAccount, setUpSandboxAccount } from './sandbox-account';
import { choosePort } from './sandbox-ports';
import {
  SAMPLE_APP_ID,
  SAMPLE_APP_NAME,
  SANDBOX_ACCOUNT,
  SANDBOX_CHATWORK_ACCOUNT,
  SANDBOX_CHATWORK_TOKEN,
  SANDBOX_USERS,
  sampleApp,
  sampleRuleSet,
} from './sandbox-sample';

export const DEFAULT_SANDBOX_PORTS = { relay: 8787, kintone: 8788, chatwork: 8789 } as const;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface SandboxOptions {
  /** Wiped at start; the relay's embedded database lives in `<dataDir>/relay`. Default `<repo>/.sandbox`. */
  dataDir?: string;
  /** Wanted ports (0 = random); a port in use falls back to a random one, with a note. */
  ports?: Partial<Record<keyof typeof DEFAULT_SANDBOX_PORTS, number>>;
  /** Default 127.0.0.1: the sandbox is for this machine only. */
  host?: string;
  /** Default: build the plug-in when its sources changed (as `pnpm start` does). */
  pluginZip?: string;
  /** Where notes such as a port fallback go. Default stdout. */
  note?: (line: string) => void;
  /** The relay's log level. Default error, so the URLs stay readable (`LOG_LEVEL=info pnpm sandbox` for more). */
  logLevel?: LogLevel;
}

export interface SandboxUrls {
  recordList: string;
  createRecord: string;
  mobileRecordList: string;
  pluginSettings: string;
  chatworkMessages: string;
  relay: string;
  pluginZip: string;
}

export interface Sandbox {
  urls: SandboxUrls;
  appId: string;
  account: SandboxAccount;
  relay: RunningRelay;
  kintone: KintoneSimulator;
  chatwork: ChatworkFake;
  /** Stops everything; safe to call more than once. */
  close(): Promise<void>;
}

/** A start-up problem the user can fix (no stack trace needed). */
export class SandboxError extends Error {
  override name = 'SandboxError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses to wipe the data of a sandbox that is still running (its database lock names the process). */
function wipeDataDir(dataDir: string): void {
  const lock = join(dataDir, 'relay', 'pglite.lock');
  if (existsSync(lock)) {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    if (Number.isInteger(pid) && isAlive(pid)) {
      throw new SandboxError(
        `別のサンドボックスが実行中です (pid ${pid}, ${dataDir})。先にそちらを Ctrl-C で停止してください。/ ` +
          `Another sandbox is running (pid ${pid}, ${dataDir}). Stop it first with Ctrl-C.`,
      );
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * `pnpm sandbox` in-process: the ChatWork fake, a relay on the embedded database in a throwaway
 * data dir, and the kintone simulator running the real plugin.zip on a sample app, with an
 * account signed up through the relay's account API and the plug-in configured and deployed.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const note = options.note ?? ((line: string) => process.stdout.write(`${line}\n`));
  const dataDir = options.dataDir ?? join(repoRoot, '.sandbox');
  const wanted = { ...DEFAULT_SANDBOX_PORTS, ...options.ports };
  const pluginZip = options.pluginZip ?? ensurePluginBuilt();

  wipeDataDir(dataDir);
  const ports = {
    chatwork: await choosePort('ChatWork', wanted.chatwork, host, note),
    relay: await choosePort('relay', wanted.relay, host, note),
    kintone: await choosePort('kintone', wanted.kintone, host, note),
  };

  // Whatever started is stopped again, in reverse order, if a later step fails.
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
  };
  try {
    const chatwork = await startChatworkFake({ port: ports.chatwork, host });
    stops.push(() => chatwork.close());
    chatwork.addAccount(SANDBOX_CHATWORK_ACCOUNT);

    const level = options.logLevel ?? 'error';
    const relay = await startRelay({
      env: parseEnv({
        NODE_ENV: 'development',
        HOST: host,
        PORT: String(ports.relay),
        DATA_DIR: join(dataDir, 'relay'),
        CHATWORK_API_URL: chatwork.url,
        // The simulated kintone runs on this machine.
        KINTONE_ALLOW_LOOPBACK: 'true',
        LOG_LEVEL: level,
      }),
      logger: createLogger(level),
      pluginZipPath: pluginZip,
      shutdownTimeoutMs: 3_000,
    });
    stops.push(() => relay.close());

    const kintone = await startKintoneSimulator({
      pluginZip,
      port: ports.kintone,
      host,
      users: SANDBOX_USERS,
      apps: [sampleApp()],
    });
    stops.push(() => kintone.close());

    const account = await setUpSandboxAccount(relay.url, { ...SANDBOX_ACCOUNT, chatworkToken: SANDBOX_CHATWORK_TOKEN });
    seedSampleSettings(kintone, relay.url, account.connectionKey);

    let closing: Promise<void> | undefined;
    return {
      appId: SAMPLE_APP_ID,
      account,
      relay,
      kintone,
      chatwork,
      urls: {
        recordList: kintone.urls.index(SAMPLE_APP_ID),
        createRecord: kintone.urls.create(SAMPLE_APP_ID),
        mobileRecordList: kintone.urls.mobileIndex(SAMPLE_APP_ID),
        pluginSettings: kintone.urls.pluginSettings(SAMPLE_APP_ID),
        chatworkMessages: `${chatwork.origin}/__fake/`,
        relay: relay.url,
        pluginZip: `${relay.url}/download/plugin.zip`,
      },
      close: () => {
        closing ??= stopAll();
        return closing;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** What the settings screen saves for the sample rule, deployed as if "Update App" was clicked. */
function seedSampleSettings(kintone: KintoneSimulator, relayUrl: string, connectionKey: string): void {
  const ruleSet = sampleRuleSet();
  kintone.seedPluginSettings(SAMPLE_APP_ID, {
    config: writePluginConfig({ relayUrl, ruleSet, appName: SAMPLE_APP_NAME }),
    proxy: [
      {
        url: `${relayUrl}/v1/notifications`,
        method: 'POST',
        headers: { Authorization: `Bearer ${connectionKey}` },
        data: { rules: JSON.stringify(ruleSet), kintoneHost: new URL(kintone.origin).host, appName: SAMPLE_APP_NAME },
      },
    ],
  });
}
