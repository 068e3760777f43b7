import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MIGRATION_LOCK_KEY, migrationsFolder } from './migrations-folder';
import * as schema from './schema/index';
import type { Database, Db } from './types';

export interface OpenPostgresOptions {
  databaseUrl: string;
  poolSize?: number;
}

/**
 * drizzle's migrator has no lock of its own (drizzle-orm issue #874): several instances starting
 * at once would race on an empty database. A session-level advisory lock on a single dedicated
 * connection serialises them; the second instance then finds nothing left to apply.
 */
export async function migratePostgres(databaseUrl: string): Promise<void> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext(${MIGRATION_LOCK_KEY}))`;
    try {
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK_KEY}))`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function openPostgres(options: OpenPostgresOptions): Promise<Database> {
  await migratePostgres(options.databaseUrl);
  const client = postgres(options.databaseUrl, { max: options.poolSize ?? 10, onnotice: () => {} });
  const db = drizzle({ client, schema }) as unknown as Db;
  await db.execute(sql`select 1`);
  return {
    db,
    driver: 'postgres',
    async listen(channel, onNotify) {
      const subscription = await client.listen(channel, onNotify);
      return () => subscription.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}
