import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { readJournal } from './migrations-journal';
import { migratePostgres } from './open-postgres';
import { withDatabase } from './testing/index';
import './testing/provided-context';

describe('migratePostgres', () => {
  it('lets several instances start at once on an empty database', async () => {
    const { adminUrl, databasePrefix } = inject('postgresTestServer');
    const name = `${databasePrefix}_concurrent_migrate`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = withDatabase(adminUrl, name);
    try {
      // Without the advisory lock two of three concurrent migrators fail on an empty database.
      await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
      const check = postgres(url, { max: 1 });
      const [journal] = await check<
        { count: number }[]
      >`select count(*)::int as count from drizzle.__drizzle_migrations`;
      const [tables] = await check<{ count: number }[]>`
        select count(*)::int as count from information_schema.tables where table_schema = 'public'`;
      await check.end();
      expect(journal?.count).toBe(readJournal().length);
      expect(tables?.count).toBeGreaterThanOrEqual(6);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
