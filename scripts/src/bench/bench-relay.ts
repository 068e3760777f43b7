import type { ChatworkFake } from '../../../tests/src/chatwork-fake/index';
import { type NodeService, RelayCluster } from '../../../tests/src/load/harness/index';
import { type ConnectedAccount, connectAccount } from '../../../tests/src/support/relay-server';
import { type BenchDatabase, createBenchDatabase } from './bench-database';

export interface BenchRelay {
  relay: NodeService;
  database: BenchDatabase;
  account: ConnectedAccount;
  close(): Promise<void>;
}

/**
 * One relay process (`relay/src/index.ts`, NODE_ENV=production, LOG_LEVEL=info) on a fresh
 * PostgreSQL database, with a tenant signed up and `chatworkToken` connected through the
 * account API. The benchmark process only generates load and plays ChatWork.
 */
export async function startBenchRelay(options: {
  label: string;
  fake: ChatworkFake;
  chatworkToken: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<BenchRelay> {
  const database = await createBenchDatabase(options.label);
  let cluster: RelayCluster | undefined;
  try {
    cluster = await RelayCluster.start({
      databaseUrl: database.url,
      chatworkUrl: options.fake.url,
      instances: 1,
      env: {
        // The per-tenant request limit stays on (its counter is part of every request's cost) but
        // so high that the benchmark's single tenant is never refused.
        TENANT_RATE_LIMIT: '1000000000/60s',
        ...options.env,
      },
      ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    });
    const [relay] = cluster.processes;
    if (!relay) throw new Error('the relay did not start');
    const account = await connectAccount(relay.url, options.chatworkToken);
    const started = cluster;
    return {
      relay,
      database,
      account,
      async close() {
        await started.close();
        await database.drop();
      },
    };
  } catch (error) {
    const output = cluster?.describe();
    await cluster?.close();
    await database.drop();
    if (output && error instanceof Error) error.message += `\n${output}`;
    throw error;
  }
}
