import { readdirSync, readFileSync } from 'node:fs';

// Linux reports CPU time in clock ticks; 100 per second on every mainstream distribution.
const TICKS_PER_SECOND = 100;

function ticksOf(statLine: string): number {
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU seconds (user + system) a process has used so far; NaN where /proc is not available. */
export function processCpuSeconds(pid: number): number {
  try {
    return ticksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds used so far by every running process called `postgres` (the server and its backends). */
export function postgresCpuSeconds(): number {
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return Number.NaN;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) ticks += ticksOf(stat);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** This process's own CPU seconds. */
export function selfCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

export interface CpuSplit {
  /** Milliseconds of CPU per request, by who spent them. */
  serverMs: number;
  postgresMs: number;
  loadGeneratorMs: number;
}

/** Measures CPU around `run` and divides it by the number of requests `run` reports. */
export async function cpuPerRequest<T>(
  serverPid: number,
  run: () => Promise<T>,
  requests: (result: T) => number,
): Promise<{ result: T; cpu: CpuSplit }> {
  const before = { server: processCpuSeconds(serverPid), postgres: postgresCpuSeconds(), self: selfCpuSeconds() };
  const result = await run();
  const count = Math.max(1, requests(result));
  const perRequest = (seconds: number) => (seconds * 1000) / count;
  return {
    result,
    cpu: {
      serverMs: perRequest(processCpuSeconds(serverPid) - before.server),
      postgresMs: perRequest(postgresCpuSeconds() - before.postgres),
      loadGeneratorMs: perRequest(selfCpuSeconds() - before.self),
    },
  };
}
