import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from './test-database-url';
import './provided-context';

/**
 * The PostgreSQL run never skips: an unreachable server fails the run with a message that says
 * which URL was tried. Each test file then gets a database of its own under this run's prefix.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = testDatabaseUrl();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin`select 1`;
  } catch (error) {
    await admin.end({ timeout: 1 });
    throw new Error(
      `PostgreSQL is not reachable at ${new URL(adminUrl).host} (TEST_DATABASE_URL). ` +
        `Start it (pg_ctlcluster <version> main start) or point TEST_DATABASE_URL at a server: ${String(error)}`,
    );
  }
  const databasePrefix = `k2c_t_${randomBytes(4).toString('hex')}`;
  project.provide('postgresTestServer', { adminUrl, databasePrefix });
  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${databasePrefix}%`}`;
    for (const { datname } of leftovers) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
    await admin.end({ timeout: 5 });
  };
}
