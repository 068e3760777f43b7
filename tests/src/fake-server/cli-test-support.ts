/** For the fakes' cli.test.ts (not a test file itself): runs a cli.ts in its own process, as the sandbox does. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface RunningCli {
  /** Everything on stdout up to the moment `ready` held. */
  output: string;
  /** Sends SIGTERM; resolves to the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL if it still runs: for `finally`, so a failed test leaves no process behind. */
  kill(): void;
}

/** Starts `node --import tsx <cli> …args` in the repository root and waits until `ready(stdout)` holds. */
export async function startCli(cli: URL, args: string[], ready: (stdout: string) => boolean): Promise<RunningCli> {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(cli), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let stdout = '';
  child.stdout.setEncoding('utf8');
  const output = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (ready(stdout)) resolve(stdout);
    });
    child.once('exit', (code) => reject(new Error(`cli exited early with ${code}: ${stdout}`)));
  }).catch((error: unknown) => {
    kill();
    throw error;
  });
  return {
    output,
    kill,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
