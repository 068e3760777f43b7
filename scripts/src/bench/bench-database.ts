import { randomBytes } from 'node:crypto';
import { loadPostgres, type PgClient } from './borrowed-modules';

/** The PostgreSQL server to benchmark on: BENCH_DATABASE_URL, else the test server (TEST_DATABASE_URL). */
export function benchServerUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface WorkCounters {
  /** Transactions committed in the database (pg_stat_database.xact_commit). */
  commits: number;
  /** Rows updated in `deliveries` (pg_stat_user_tables.n_tup_upd): claims, releases, outcomes. */
  deliveryUpdates: number;
}

export interface BenchDatabase {
  url: string;
  name: string;
  query: PgClient;
  /** Cumulative counters; subtract two readings for the work done in between. */
  counters(): Promise<WorkCounters>;
  drop(): Promise<void>;
}

const open = new Set<BenchDatabase>();

/** Drops every database the benchmark still holds (after Ctrl-C, say). */
export async function dropOpenDatabases(): Promise<void> {
  await Promise.all([...open].map((database) => database.drop().catch(() => {})));
}

/**
 * A fresh, empty database for one part of the benchmark (the relay migrates it on start), so no
 * part sees another's queue. Dropped again at the end, even when the part failed.
 */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const postgres = await loadPostgres();
  const serverUrl = benchServerUrl();
  const name = `k2c_bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end({ timeout: 1 });
    throw new Error(
      `PostgreSQL is not usable at ${new URL(serverUrl).host} (BENCH_DATABASE_URL / TEST_DATABASE_URL): ${String(error)}`,
    );
  }
  const url = withDatabase(serverUrl, name);
  const query = postgres(url, { max: 1, onnotice: () => {} });
  let dropped: Promise<void> | undefined;
  const database: BenchDatabase = {
    url,
    name,
    query,
    async counters() {
      // The statistics collector publishes with a short delay; a fresh snapshot is asked for.
      await query.unsafe('select pg_stat_clear_snapshot()');
      const [db] = await query.unsafe<{ commits: string }>(
        'select xact_commit::text as commits from pg_stat_database where datname = current_database()',
      );
      const [table] = await query.unsafe<{ updates: string }>(
        "select coalesce(sum(n_tup_upd), 0)::text as updates from pg_stat_user_tables where relname = 'deliveries'",
      );
      return { commits: Number(db?.commits ?? 0), deliveryUpdates: Number(table?.updates ?? 0) };
    },
    drop() {
      dropped ??= (async () => {
        open.delete(database);
        await query.end({ timeout: 5 });
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end({ timeout: 5 });
      })();
      return dropped;
    },
  };
  open.add(database);
  return database;
}

/** `PostgreSQL 15.20` */
export async function serverVersion(): Promise<string> {
  const postgres = await loadPostgres();
  const client = postgres(benchServerUrl(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await client.unsafe<{ version: string }>("select current_setting('server_version') as version");
    return `PostgreSQL ${row?.version.split(' ')[0] ?? '?'}`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
