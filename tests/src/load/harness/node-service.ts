import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NodeServiceOptions {
  /** Shown in errors and in the collected output, e.g. `relay-2`. */
  name: string;
  /** A TypeScript entry, relative to the repository root, run with `node --import tsx`. */
  script: string;
  /** The whole environment of the child: nothing of the parent's leaks in but PATH and HOME. */
  env: Record<string, string>;
  /** The `message` of the JSON log line that says the service is up; it must carry `url`. */
  readyMessage: string;
  /** Extra Node.js options before the script, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  startTimeoutMs?: number;
  /** Characters of output kept (the tail), so a long benchmark run does not grow without bound. */
  keepOutput?: number;
}

export interface NodeService {
  name: string;
  pid: number;
  url: string;
  /** The tail of stdout and stderr, interleaved as they arrived. */
  output(): string;
  /** How many JSON log lines carried each `message`, counted over the whole run. */
  messageCounts(): ReadonlyMap<string, number>;
  exited: Promise<Exit>;
  alive(): boolean;
  /** Sends the signal and waits for the process to end. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
  /** SIGTERM (a clean shutdown), then SIGKILL if it has not ended within the grace period. */
  stop(graceMs?: number): Promise<Exit>;
}

// If the test runner or the benchmark dies, its relays must not keep running against the database.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `node --import tsx <script>` and resolves once it logs `readyMessage` with its URL. */
export function startNodeService(options: NodeServiceOptions): Promise<NodeService> {
  const keep = options.keepOutput ?? 256 * 1024;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.script], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let tail = '';
  let partial = '';
  let url: string | undefined;
  const counts = new Map<string, number>();
  let onReady: ((url: string) => void) | undefined;

  const append = (text: string) => {
    tail += text;
    if (tail.length > keep * 2) tail = tail.slice(-keep);
  };
  const readLine = (line: string) => {
    if (!line.startsWith('{')) return;
    let parsed: { message?: unknown; url?: unknown };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      return;
    }
    if (typeof parsed.message !== 'string') return;
    counts.set(parsed.message, (counts.get(parsed.message) ?? 0) + 1);
    if (url === undefined && parsed.message === options.readyMessage && typeof parsed.url === 'string') {
      url = parsed.url;
      onReady?.(url);
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    append(chunk);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) readLine(line);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => append(`[stderr] ${chunk}`));

  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const output = () => (tail.length > keep ? `…${tail.slice(-keep)}` : tail);
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  return new Promise<NodeService>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not log "${options.readyMessage}" within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      if (url === undefined)
        reject(new Error(`${options.name} ended before it was ready (code ${code}, signal ${signal}):\n${output()}`));
    });
    onReady = (readyUrl) => {
      clearTimeout(timer);
      resolve({
        name: options.name,
        pid: child.pid ?? -1,
        url: readyUrl,
        output,
        messageCounts: () => counts,
        exited,
        alive: () => child.exitCode === null && child.signalCode === null,
        kill,
        async stop(graceMs = 15_000) {
          const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
          const exit = await kill('SIGTERM');
          clearTimeout(force);
          return exit;
        },
      });
    };
  });
}
