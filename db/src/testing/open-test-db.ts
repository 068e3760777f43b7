import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPglite } from '../open-pglite';
import { openPostgres } from '../open-postgres';
import type { Database } from '../types';
import { withDatabase } from './test-database-url';
import './provided-context';

export interface TestDatabase extends Database {
  /** Set on PostgreSQL: the URL of this test's own database, for code that opens its own pool. */
  url: string | undefined;
}

export type TestDriver = 'pglite' | 'postgres';

export function testDriver(): TestDriver {
  const driver = process.env.K2C_TEST_DRIVER;
  if (driver !== 'pglite' && driver !== 'postgres') {
    throw new Error('Database tests run in the "pglite" and "postgres" vitest projects (name them *.db.test.ts).');
  }
  return driver;
}

/** A fresh, migrated database of the current test driver; closing it throws it away. */
export async function openTestDb(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (testDriver() === 'pglite') {
    const snapshot = new Blob([await readFile(inject('pgliteSnapshotPath'))]);
    return { ...(await openPglite({ snapshot })), url: undefined };
  }
  const { adminUrl, databasePrefix } = inject('postgresTestServer');
  const name = `${databasePrefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabase(adminUrl, name);
  const database = await openPostgres({
    databaseUrl: url,
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
