import { DataDirLockedError } from '@k2c/db';
import { EnvError, runUntilSignal } from '@k2c/relay';
import { formatSandboxBanner } from './sandbox-banner';
import { type LogLevel, SandboxError, startSandbox } from './sandbox-start';

// `pnpm sandbox`: kintone (simulated), the relay and ChatWork (local fake) on this machine, wired
// together with a sample app, so anyone can save a record and watch the ChatWork message arrive.
const LOG_LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error', 'silent'];

async function main(): Promise<void> {
  const level = process.env.LOG_LEVEL;
  const sandbox = await startSandbox(level && LOG_LEVELS.includes(level) ? { logLevel: level as LogLevel } : {});
  process.stdout.write(formatSandboxBanner(sandbox));
  runUntilSignal(sandbox);
}

main().catch((error: unknown) => {
  const known = error instanceof SandboxError || error instanceof EnvError || error instanceof DataDirLockedError;
  const text = error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error);
  process.stderr.write(`サンドボックスを起動できませんでした / The sandbox could not start:\n${text}\n`);
  process.exit(1);
});
