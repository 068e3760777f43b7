import { startChatworkFake } from '../../../tests/src/chatwork-fake/index';
import { botAccount, loadNotification, startNodeService } from '../../../tests/src/load/harness/index';
import { startBenchRelay } from './bench-relay';
import { type CpuSplit, cpuPerRequest } from './cpu-time';
import { type ClosedLoopResult, runClosedLoop } from './http-load';

export interface AcceptLevel {
  clients: number;
  relay: ClosedLoopResult;
  bare: ClosedLoopResult;
  /** CPU per request of the relay process, of PostgreSQL and of the load generator (this process). */
  relayCpu: CpuSplit;
  bareCpu: CpuSplit;
  /** relay accepted/s ÷ bare accepted/s */
  ratio: number;
}

export interface AcceptThroughput {
  warmupMs: number;
  durationMs: number;
  levels: AcceptLevel[];
}

const TOKEN = 'cw-bench-accept';
const ROOMS = Array.from({ length: 10 }, (_, index) => String(4000 + index));

/**
 * (a) `POST /v1/notifications` at 1, 16 and 64 keep-alive clients against one relay process on
 * PostgreSQL with its delivery workers off (DELIVERY_WORKERS=0), so only the accept path is
 * measured; beside it, in the same run and in the same way, a bare Hono route.
 */
export async function measureAcceptThroughput(options: {
  levels: number[];
  warmupMs: number;
  durationMs: number;
  nodeArgs?: string[];
  env?: Record<string, string>;
}): Promise<AcceptThroughput> {
  const fake = await startChatworkFake();
  fake.addAccount(botAccount(TOKEN, '950', ROOMS));
  const bench = await startBenchRelay({
    label: 'accept',
    fake,
    chatworkToken: TOKEN,
    env: { DELIVERY_WORKERS: '0', ...options.env },
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
  });
  const bare = await startNodeService({
    name: 'bare-hono',
    script: 'scripts/src/bench/bare-server.ts',
    env: { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' },
    readyMessage: 'bare listening',
  });
  try {
    // Every request is a different record, so none is answered as a duplicate.
    let recordId = 1;
    const body = () => {
      const id = recordId++;
      return JSON.stringify(loadNotification({ recordId: id, roomId: ROOMS[id % ROOMS.length] as string }));
    };
    const levels: AcceptLevel[] = [];
    for (const clients of options.levels) {
      // The same closed loop against either server, with the CPU that server's process spent on it.
      const measure = (pid: number, url: string, headers: Record<string, string> = {}) =>
        cpuPerRequest(
          pid,
          () =>
            runClosedLoop({
              url,
              headers,
              body,
              concurrency: clients,
              warmupMs: options.warmupMs,
              durationMs: options.durationMs,
              expectStatus: 202,
            }),
          (result) => result.completed,
        );
      const relay = await measure(bench.relay.pid, `${bench.relay.url}/v1/notifications`, {
        authorization: `Bearer ${bench.account.connectionKey}`,
      });
      const bareRun = await measure(bare.pid, `${bare.url}/bare`);
      levels.push({
        clients,
        relay: relay.result,
        bare: bareRun.result,
        relayCpu: relay.cpu,
        bareCpu: bareRun.cpu,
        ratio: relay.result.perSecond / bareRun.result.perSecond,
      });
    }
    return { warmupMs: options.warmupMs, durationMs: options.durationMs, levels };
  } finally {
    await bare.stop(5_000);
    await bench.close();
    await fake.close();
  }
}
