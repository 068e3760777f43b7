/**
 * What every fake's cli.ts does, for the sandbox and for multi-process tests: read the command line,
 * start the fake, print what the relay needs to reach it (its `NAME=value` settings first, so a
 * parent process can read them), and stop on SIGINT or SIGTERM.
 *
 * Exit codes: 0 stopped by a signal; 2 a command line or settings the fake refuses (the message,
 * with the usage text when the command line could not be read); 1 anything else.
 */

/** `--port`, `--host` and `--help`, which every fake's command line takes (spread into parseArgs' options). */
export const COMMON_ARGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** `--port` and `--host` as the fake's `port` and `host` options. */
export function listenOptions(values: { port?: string; host?: string }): { port?: number; host?: string } {
  const options: { port?: number; host?: string } = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new Error(`--port must be 0–65535; got "${values.port}"`);
    options.port = port;
  }
  if (values.host !== undefined) options.host = values.host;
  return options;
}

export interface FakeCli<Config extends { help: boolean }, Fake extends { close(): Promise<void> }> {
  /** "ChatWork fake": names the process when it fails to start. */
  name: string;
  usage: string;
  /** Throws on a command line it cannot read. */
  parse(argv: string[]): Config;
  /** Starts the fake; a TypeError means settings the fake refuses (closing anything it started first). */
  start(config: Config): Promise<Fake>;
  /** The lines to print once it listens, `NAME=value` settings for the relay first. */
  describe(fake: Fake, config: Config): string[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main<Config extends { help: boolean }, Fake extends { close(): Promise<void> }>(
  cli: FakeCli<Config, Fake>,
): Promise<void> {
  let config: Config;
  try {
    config = cli.parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${messageOf(error)}\n\n${cli.usage}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(cli.usage);
    return;
  }
  let fake: Fake;
  try {
    fake = await cli.start(config);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  for (const line of cli.describe(fake, config)) console.log(line);

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function runFakeCli<Config extends { help: boolean }, Fake extends { close(): Promise<void> }>(
  cli: FakeCli<Config, Fake>,
): void {
  main(cli).catch((error: unknown) => {
    console.error(`${cli.name} failed to start:`, error);
    process.exit(1);
  });
}
