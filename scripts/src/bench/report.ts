import type { RateLimitSetting } from '../../../tests/src/chatwork-fake/index';
import { scaledSlackMs } from '../../../tests/src/load/harness/index';
import type { AcceptThroughput } from './accept-throughput';
import type { E2eLatency } from './e2e-latency';
import type { LimitUtilisation } from './limit-utilisation';
import type { OneRoomDrain } from './one-room-drain';

export interface BenchMachine {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  postgres: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverage: number;
}

export interface BenchResults {
  machine: BenchMachine;
  accept?: AcceptThroughput;
  limit?: LimitUtilisation;
  drain?: OneRoomDrain;
  e2e?: E2eLatency;
  targets: TargetCheck[];
}

export interface TargetCheck {
  part: string;
  target: string;
  measured: string;
  met: boolean;
}

/** Left-aligns the first `textColumns` columns and right-aligns the rest (numbers); two spaces between. */
export function formatTable(header: string[], rows: string[][], textColumns = 1): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < textColumns ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
export const limitText = (limit: RateLimitSetting) => `${limit.requests}/${limit.windowMs / 1000}s`;

export function checkTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const top = results.accept?.levels.find((level) => level.clients === 64);
  if (top) {
    checks.push({
      part: '(a)',
      target: '≥ 2,000 accepted/s at 64 clients',
      measured: `${whole(top.relay.perSecond)}/s`,
      met: top.relay.perSecond >= 2_000,
    });
    checks.push({
      part: '(a)',
      target: 'ack p99 ≤ 50 ms at 64 clients',
      measured: `${fixed(top.relay.p99)} ms`,
      met: top.relay.p99 <= 50,
    });
  }
  if (results.limit) {
    checks.push({
      part: '(b)',
      target: 'utilisation ≥ 0.9',
      measured: fixed(results.limit.utilisation, 2),
      met: results.limit.utilisation >= 0.9,
    });
    checks.push({
      part: '(b)',
      target: 'zero 429s',
      measured: String(results.limit.answers429),
      met: results.limit.answers429 === 0,
    });
  }
  if (results.e2e) {
    checks.push({
      part: '(d)',
      target: 'save-to-message p50 ≤ 100 ms',
      measured: `${fixed(results.e2e.endToEnd.p50)} ms`,
      met: results.e2e.endToEnd.p50 <= 100,
    });
  }
  return checks;
}

export function renderReport(results: BenchResults): string {
  const { machine } = results;
  const out: string[] = [
    `kintone2chatwork bench — ${machine.date}`,
    `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, ${machine.postgres}, load average ${fixed(machine.loadAverage, 2)} at start`,
    'Every relay is its own process (node --import tsx relay/src/index.ts, NODE_ENV=production, LOG_LEVEL=info)',
    'on a fresh PostgreSQL database; this process generates the load and plays ChatWork (tests/src/chatwork-fake).',
    '',
  ];
  if (results.accept) {
    const { accept } = results;
    out.push(
      `(a) POST /v1/notifications, DELIVERY_WORKERS=0; beside it a bare Hono route served the same way.`,
      `    Keep-alive clients, closed loop, ${accept.warmupMs / 1000} s warm-up + ${accept.durationMs / 1000} s measured per level.`,
      formatTable(
        ['clients', 'relay acc/s', 'p50 ms', 'p99 ms', 'errors', 'bare req/s', 'p50 ms', 'p99 ms', 'relay/bare'],
        accept.levels.map((level) => [
          String(level.clients),
          whole(level.relay.perSecond),
          fixed(level.relay.p50),
          fixed(level.relay.p99),
          String(level.relay.errors),
          whole(level.bare.perSecond),
          fixed(level.bare.p50),
          fixed(level.bare.p99),
          fixed(level.ratio, 3),
        ]),
      ),
      '    CPU per request (ms): relay process / PostgreSQL / load generator; bare process / load generator',
      formatTable(
        ['clients', 'relay', 'postgres', 'load gen', 'bare', 'load gen'],
        accept.levels.map((level) => [
          String(level.clients),
          fixed(level.relayCpu.serverMs, 2),
          fixed(level.relayCpu.postgresMs, 2),
          fixed(level.relayCpu.loadGeneratorMs, 2),
          fixed(level.bareCpu.serverMs, 3),
          fixed(level.bareCpu.loadGeneratorMs, 3),
        ]),
      ),
      '',
    );
  }
  if (results.limit) {
    const { limit } = results;
    out.push(
      `(b) ChatWork per-token limit during a long burst. Scaled: ${limitText(limit.tokenLimit)} per token (ChatWork 300/300s),`,
      `    ${limit.rooms} rooms at ${limitText(limit.roomLimit)} each (not binding), digests off, ${limit.queued} queued,`,
      `    measured over ${limit.windows} windows from the first post; the relay's jitter margin scaled alike to ${scaledSlackMs(limit.tokenLimit)} ms (1 s at 300/300s).`,
      formatTable(
        ['posts', 'allowed', 'posts/s', 'allowed/s', 'utilisation', 'bucket ceiling', '429s', 'other errors'],
        [
          [
            String(limit.posts),
            String(limit.allowed),
            fixed(limit.postsPerSecond, 2),
            fixed(limit.allowedPerSecond, 2),
            fixed(limit.utilisation, 2),
            fixed(limit.modelUtilisation, 2),
            String(limit.answers429),
            String(limit.otherErrors),
          ],
        ],
      ),
      `    Bucket ceiling: the most the relay's token bucket (rate-buckets.ts bucketSpec) allows over the span;`,
      `    at ChatWork's real 300/300s over ${limit.windows} windows it is ${fixed(limit.modelUtilisationAtRealScale, 3)}.`,
      `    While the queue waited on the limit: ${fixed(limit.commitsPerPost, 1)} transactions and ${fixed(limit.deliveryUpdatesPerPost, 1)} deliveries row updates per post;`,
      `    relay process at ${fixed(limit.relayCpuShare * 100, 0)} % of a CPU, PostgreSQL at ${fixed(limit.postgresCpuShare * 100, 0)} %.`,
      '',
    );
  }
  if (results.drain) {
    const { drain } = results;
    out.push(
      `(c) ${whole(drain.runs[0]?.saves ?? 0)} saves into ONE room. Scaled: room limit ${limitText(drain.roomLimit)} (ChatWork 10/10s),`,
      `    per-token limit out of the way; digests: more than ${drain.digestThreshold} waiting → one post of up to ${drain.digestMaxMessages}.`,
      formatTable(
        ['digests', 'posts', 'accepted in s', 'drained in s', '429s', 'duplicates', 'row updates/save', 'relay CPU s'],
        drain.runs.map((run) => [
          run.digests ? 'on' : 'off',
          String(run.posts),
          fixed(run.enqueueMs / 1000),
          fixed(run.drainMs / 1000),
          String(run.answers429),
          String(run.duplicates),
          fixed(run.rowUpdatesPerSave, 1),
          fixed(run.relayCpuSeconds, 1),
        ]),
      ),
      '',
    );
  }
  if (results.e2e) {
    const { e2e } = results;
    out.push(
      `(d) Save-to-message latency on an idle queue: ${e2e.samples} saves one at a time, ${e2e.gapMs} ms apart, limits out of the way.`,
      formatTable(
        ['', 'p50 ms', 'p99 ms', 'max ms'],
        [
          ['ack (202)', fixed(e2e.ack.p50), fixed(e2e.ack.p99), fixed(e2e.ack.max)],
          ['save → ChatWork', fixed(e2e.endToEnd.p50), fixed(e2e.endToEnd.p99), fixed(e2e.endToEnd.max)],
        ],
      ),
      '',
    );
  }
  if (results.targets.length > 0) {
    out.push(
      'Targets',
      formatTable(
        ['part', 'target', 'measured', 'verdict'],
        results.targets.map((check) => [check.part, check.target, check.measured, check.met ? 'met' : 'NOT MET']),
        2,
      ),
    );
  }
  return out.join('\n');
}
