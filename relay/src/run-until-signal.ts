import type { RunningRelay } from './server';

/** Stops the relay cleanly on SIGINT or SIGTERM; a second signal exits at once. */
export function runUntilSignal(relay: Pick<RunningRelay, 'close'>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`\n${signal}: 停止しています / stopping…\n`);
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Prints a start-up failure: known setting problems as a plain message, anything else with its stack. */
export function reportStartFailure(error: unknown, known: (error: unknown) => boolean): never {
  const text = error instanceof Error ? (known(error) ? error.message : (error.stack ?? error.message)) : String(error);
  process.stderr.write(`The relay could not start: ${text}\n`);
  process.exit(1);
}
