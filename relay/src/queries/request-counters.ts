import { type Db, requestCounters } from '@k2c/db';
import { and, eq, gt, lt, sql } from '@k2c/db/operators';

export interface CounterWindow {
  key: string;
  windowStart: Date;
}

/**
 * Adds one to each counter's current window in one statement and returns the new counts. Rows
 * are written in key order, so two requests counting the same keys never wait on each other in
 * a cycle.
 */
export async function incrementCounters(db: Db, windows: CounterWindow[]): Promise<Map<string, number>> {
  if (windows.length === 0) return new Map();
  const sorted = [...windows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await db
    .insert(requestCounters)
    .values(sorted.map((window) => ({ key: window.key, windowStart: window.windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [requestCounters.key, requestCounters.windowStart],
      set: { count: sql`${requestCounters.count} + 1` },
    })
    .returning({ key: requestCounters.key, count: requestCounters.count });
  return new Map(rows.map((row) => [row.key, row.count]));
}

/** Takes back one count from the given windows (never below zero). */
export async function decrementCounters(db: Db, windows: CounterWindow[]): Promise<void> {
  for (const window of windows) {
    await db
      .update(requestCounters)
      .set({ count: sql`${requestCounters.count} - 1` })
      .where(
        and(
          eq(requestCounters.key, window.key),
          eq(requestCounters.windowStart, window.windowStart),
          gt(requestCounters.count, 0),
        ),
      );
  }
}

/** Deletes windows that started before the cutoff; returns how many went. */
export async function deleteCountersBefore(db: Db, cutoff: Date): Promise<number> {
  const rows = await db
    .delete(requestCounters)
    .where(lt(requestCounters.windowStart, cutoff))
    .returning({ key: requestCounters.key });
  return rows.length;
}
