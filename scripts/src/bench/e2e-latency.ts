import { Agent } from 'node:http';
import type { RateLimitSetting } from '../../../tests/src/chatwork-fake/index';
import { botAccount, loadNotification, roomIds, startLimitedChatwork } from '../../../tests/src/load/harness/index';
import { startBenchRelay } from './bench-relay';
import { post } from './http-load';
import { type LatencySummary, summarize } from './stats';

export interface E2eLatency {
  samples: number;
  gapMs: number;
  /** Time to the relay's 202. */
  ack: LatencySummary;
  /** Time from sending the save until ChatWork received the message. */
  endToEnd: LatencySummary;
}

const TOKEN = 'cw-bench-e2e';
// Limits out of the way: this part measures the pipeline, not waiting for a bucket to refill.
const TOKEN_LIMIT: RateLimitSetting = { requests: 100_000, windowMs: 1_000 };
const ROOM_LIMIT: RateLimitSetting = { requests: 1_000, windowMs: 1_000 };

/**
 * (d) Save-to-message latency on an idle queue: one notification at a time, a small gap after
 * each message arrives, default settings otherwise (2 workers, woken by LISTEN/NOTIFY).
 */
export async function measureE2eLatency(options: {
  samples: number;
  gapMs: number;
  warmup: number;
}): Promise<E2eLatency> {
  const { fake, relayEnv } = await startLimitedChatwork({ token: TOKEN_LIMIT, room: ROOM_LIMIT });
  const rooms = roomIds(4300, 10);
  fake.addAccount(botAccount(TOKEN, '953', rooms));
  const bench = await startBenchRelay({ label: 'e2e', fake, chatworkToken: TOKEN, env: relayEnv });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const url = new URL(`${bench.relay.url}/v1/notifications`);
    const headers = { authorization: `Bearer ${bench.account.connectionKey}` };
    const ack: number[] = [];
    const endToEnd: number[] = [];
    for (let index = 0; index < options.warmup + options.samples; index++) {
      const body = JSON.stringify(
        loadNotification({ recordId: index + 1, roomId: rooms[index % rooms.length] as string }),
      );
      const arrived = fake.waitForMessages(index + 1, { timeoutMs: 10_000 });
      const t0 = performance.now();
      const status = await post(agent, url, headers, body);
      const t1 = performance.now();
      if (status !== 202) throw new Error(`the relay answered ${status}`);
      await arrived;
      const t2 = performance.now();
      if (index >= options.warmup) {
        ack.push(t1 - t0);
        endToEnd.push(t2 - t0);
      }
      await new Promise((resolve) => setTimeout(resolve, options.gapMs));
    }
    return { samples: options.samples, gapMs: options.gapMs, ack: summarize(ack), endToEnd: summarize(endToEnd) };
  } finally {
    agent.destroy();
    await bench.close();
    await fake.close();
  }
}
