import { openPglite } from './open-pglite';
import { openPostgres } from './open-postgres';
import type { Database } from './types';

export interface OpenDbOptions {
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (ignored when databaseUrl is set). */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
}

/** Opens the database and brings its schema up to date before anything else touches it. */
export function openDb(options: OpenDbOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres({
      databaseUrl: options.databaseUrl,
      ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    });
  }
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}
