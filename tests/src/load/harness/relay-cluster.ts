import { randomBytes } from 'node:crypto';
import { type Exit, type NodeService, startNodeService } from './node-service';

export interface RelayClusterOptions {
  databaseUrl: string;
  chatworkUrl: string;
  /** Processes started at once; more can be added later with `add()`. */
  instances: number;
  /** Relay settings on top of the defaults below (CHATWORK_RATE_LIMIT, DIGEST_THRESHOLD, …). */
  env?: Record<string, string>;
  /** Node.js options for every process, e.g. `--cpu-prof` to see where a relay spends its time. */
  nodeArgs?: string[];
}

/**
 * Relay processes (`relay/src/index.ts`, as in production) on one PostgreSQL database, sharing one
 * encryption key so any of them can read the ChatWork token another one stored.
 */
export class RelayCluster {
  /** Every process ever started, dead or alive, in start order. */
  readonly processes: NodeService[] = [];
  private readonly env: Record<string, string>;
  private readonly nodeArgs: string[];
  private turn = 0;
  private named = 0;

  private constructor(options: RelayClusterOptions) {
    this.nodeArgs = options.nodeArgs ?? [];
    this.env = {
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      CHATWORK_API_URL: options.chatworkUrl,
      ENCRYPTION_KEYS: `load:${randomBytes(32).toString('base64')}`,
      DELIVERY_LEASE_SECONDS: '15',
      FREE_MONTHLY_QUOTA: '10000000',
      LOG_LEVEL: 'info',
      ...options.env,
    };
  }

  static async start(options: RelayClusterOptions): Promise<RelayCluster> {
    const cluster = new RelayCluster(options);
    const started = await Promise.allSettled(Array.from({ length: options.instances }, () => cluster.add()));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      // A process that failed to start has ended already; stop the ones that did start.
      await cluster.close();
      throw failed.reason;
    }
    return cluster;
  }

  /** Starts one more relay process (a replacement, or a scale-out). */
  async add(): Promise<NodeService> {
    const name = `relay-${++this.named}`;
    const service = await startNodeService({
      name,
      script: 'relay/src/index.ts',
      env: this.env,
      readyMessage: 'relay listening',
      nodeArgs: this.nodeArgs,
    });
    this.processes.push(service);
    return service;
  }

  live(): NodeService[] {
    return this.processes.filter((service) => service.alive());
  }

  /** The next live process, round-robin: how a load balancer would spread kintone's calls. */
  next(): NodeService {
    const live = this.live();
    const service = live[this.turn++ % live.length];
    if (!service) throw new Error('no relay process is running');
    return service;
  }

  /** Every process's output, for a failed test's report. */
  describe(): string {
    return this.processes
      .map(
        (service) =>
          `──── ${service.name} (pid ${service.pid}, ${service.alive() ? 'alive' : 'ended'}) ────\n${service.output()}`,
      )
      .join('\n');
  }

  /** How often each process logged `message` (e.g. "delivery attempt"). */
  countMessages(message: string): number[] {
    return this.processes.map((service) => service.messageCounts().get(message) ?? 0);
  }

  async close(): Promise<Exit[]> {
    return Promise.all(this.processes.map((service) => service.stop(5_000)));
  }
}
