import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { acquireDataDirLock } from './data-dir-lock';
import { migrationsFolder } from './migrations-folder';
import * as schema from './schema/index';
import type { Database, Db } from './types';

export interface OpenPgliteOptions {
  /** Folder that holds the database; omitted means in memory (tests). */
  dataDir?: string;
  /** A `dumpDataDir()` snapshot to start from, so tests skip the slow first initialisation. */
  snapshot?: Blob;
}

export async function openPglite(options: OpenPgliteOptions = {}): Promise<Database> {
  let releaseLock = () => {};
  let dataDir: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    // The lock file sits beside the database folder, not inside it, so it never mixes with
    // PostgreSQL's own files.
    releaseLock = acquireDataDirLock(join(options.dataDir, 'pglite.lock'));
    dataDir = join(options.dataDir, 'pglite');
  }
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      driver: 'pglite',
      async listen(channel, onNotify) {
        const unsubscribe = await client.listen(channel, onNotify);
        return () => unsubscribe();
      },
      async close() {
        try {
          await client.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
