import { Agent, request } from 'node:http';
import { type LatencySummary, summarize } from './stats';

export interface ClosedLoopOptions {
  url: string;
  headers?: Record<string, string>;
  /** The n-th request's JSON body (n counts from 0 over the whole run, warm-up included). */
  body: (n: number) => string;
  /** Clients, each with its own keep-alive connection, each sending its next request when the last one is answered. */
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** The status that counts as accepted (202). */
  expectStatus: number;
}

export interface ClosedLoopResult extends LatencySummary {
  concurrency: number;
  /** Accepted answers per second over the measured span. */
  perSecond: number;
  accepted: number;
  /** Requests answered over the whole run, warm-up included (for per-request costs). */
  completed: number;
  /** Answers with another status, and failed requests, during the measured span. */
  errors: number;
  statuses: Record<string, number>;
}

/** One POST on `agent`'s keep-alive connections; resolves with the status once the answer is read. */
export function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/**
 * A closed-loop load: `concurrency` clients send back to back for warm-up + duration. Only
 * requests that start and finish inside the measured span count, so warm-up and the tail
 * of the run do not blur the figures.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const headers = options.headers ?? {};
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let completed = 0;
  let accepted = 0;
  let errors = 0;
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const measureTo = measureFrom + options.durationMs;

  const client = async () => {
    while (performance.now() < measureTo) {
      const body = options.body(sent++);
      const t0 = performance.now();
      let status: number;
      try {
        status = await post(agent, url, headers, body);
      } catch {
        status = 0;
      }
      const t1 = performance.now();
      completed++;
      if (t0 < measureFrom || t1 > measureTo) continue;
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      if (status === options.expectStatus) {
        accepted++;
        latencies.push(t1 - t0);
      } else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  return {
    concurrency: options.concurrency,
    perSecond: accepted / (options.durationMs / 1000),
    accepted,
    completed,
    errors,
    statuses,
    ...summarize(latencies),
  };
}
