import { type DeliveryStatus, deliveries } from '@k2c/db';
import { inArray } from '@k2c/db/operators';
import { openTestDb, type TestDatabase, testDriver } from '@k2c/db/testing';
import { onTestFailed } from 'vitest';

/** A fresh, migrated database on the PostgreSQL test server, dropped again by `close()`. */
export async function openLoadDatabase(): Promise<TestDatabase & { url: string }> {
  if (testDriver() !== 'postgres') throw new Error('load tests need PostgreSQL: name them *.pg.test.ts');
  const database = await openTestDb();
  const { url } = database;
  if (!url) throw new Error('the PostgreSQL test database has no URL');
  return { ...database, url };
}

/** Prints the relay processes' output (and anything else `describe` returns) when the running test fails. */
export function reportOnFailure(describe: () => string): void {
  onTestFailed(() => {
    process.stderr.write(`\n${describe()}\n`);
  });
}

/** Polls until `check` holds; on timeout the error says what was awaited and what was last seen. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs: number; what: string; status?: () => string | Promise<string>; intervalMs?: number },
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > options.timeoutMs) {
      const status = options.status ? ` (${await options.status()})` : '';
      throw new Error(`waited ${options.timeoutMs} ms for ${options.what}${status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

export type DeliveryRow = typeof deliveries.$inferSelect;

/** The outbox rows of the given rooms (each test posts to rooms of its own). */
export function deliveryRows(database: TestDatabase, rooms: string[]): Promise<DeliveryRow[]> {
  return database.db.select().from(deliveries).where(inArray(deliveries.roomId, rooms));
}

/** `{ delivered: 118, sending: 2 }` */
export function statusCounts(rows: DeliveryRow[]): Partial<Record<DeliveryStatus, number>> {
  const counts: Partial<Record<DeliveryStatus, number>> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}
