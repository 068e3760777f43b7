/**
 * `pnpm bench`: figures for the relay on this machine (not pass/fail), printed as a table.
 *   pnpm bench [--json out.json] [--only a,b,c,d] [--clients 1,16,64] [--seconds 6] [--warmup 2] [--profile dir]
 * Needs a PostgreSQL server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres. Each part creates and drops its own database.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureAcceptThroughput } from './accept-throughput';
import { dropOpenDatabases, serverVersion } from './bench-database';
import { measureE2eLatency } from './e2e-latency';
import { measureLimitUtilisation } from './limit-utilisation';
import { measureOneRoomDrain } from './one-room-drain';
import { type BenchResults, checkTargets, renderReport } from './report';

const USAGE = `Usage: pnpm bench [options]
  --json PATH      also write the figures as JSON
  --only LIST      parts to run, e.g. a,d (default a,b,c,d)
  --clients LIST   concurrency levels in (a) (default 1,16,64)
  --seconds N      measured seconds per level in (a) (default 6)
  --warmup N       warm-up seconds per level in (a) (default 2)
  --profile DIR    write a V8 CPU profile of the relay in (a) to DIR (--cpu-prof)
  --help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      only: { type: 'string', default: 'a,b,c,d' },
      clients: { type: 'string', default: '1,16,64' },
      seconds: { type: 'string', default: '6' },
      warmup: { type: 'string', default: '2' },
      profile: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const parts = new Set(values.only.split(',').map((part) => part.trim()));
  const progress = (line: string) => process.stderr.write(`… ${line}\n`);
  const started = Date.now();

  const results: Omit<BenchResults, 'targets'> = {
    machine: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      postgres: await serverVersion(),
      loadAverage: loadavg()[0] ?? Number.NaN,
    },
  };
  if (parts.has('a')) {
    progress(`(a) accept path: relay and bare Hono at ${values.clients} clients`);
    results.accept = await measureAcceptThroughput({
      levels: values.clients.split(',').map(Number),
      warmupMs: Number(values.warmup) * 1000,
      durationMs: Number(values.seconds) * 1000,
      ...(values.profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] } : {}),
    });
  }
  if (parts.has('b')) {
    progress('(b) ChatWork per-token limit utilisation over 6 windows of 10 s');
    results.limit = await measureLimitUtilisation({
      tokenLimit: { requests: 100, windowMs: 10_000 },
      roomLimit: { requests: 10, windowMs: 1_000 },
      rooms: 40,
      windows: 6,
    });
  }
  if (parts.has('c')) {
    progress('(c) 1,000 saves into one room, digests off then on');
    results.drain = await measureOneRoomDrain({ saves: 1_000, roomLimit: { requests: 100, windowMs: 1_000 } });
  }
  if (parts.has('d')) {
    progress('(d) save-to-message latency on an idle queue');
    results.e2e = await measureE2eLatency({ samples: 100, gapMs: 100, warmup: 5 });
  }

  const report: BenchResults = { ...results, targets: checkTargets(results) };
  console.log(renderReport(report));
  console.log(`\n(bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`figures written to ${values.json}`);
  }
}

// Ctrl-C: the relay processes die with this one (see node-service.ts); the databases are dropped.
process.once('SIGINT', () => {
  process.stderr.write('\ninterrupted: dropping the benchmark databases…\n');
  dropOpenDatabases().finally(() => process.exit(130));
});

main().then(
  // Keep-alive sockets and the fake's timers must not keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
