import { type Database, openDb } from '@k2c/db';
import type { Env } from '@k2c/relay';

/** The same database the relay uses (DATABASE_URL, or the embedded one in DATA_DIR). */
export function openOperatorDb(env: Env): Promise<Database> {
  return openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
}
