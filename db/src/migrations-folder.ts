import { fileURLToPath } from 'node:url';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** One key for every relay instance, so concurrent starts migrate one after another. */
export const MIGRATION_LOCK_KEY = 'k2c:migrate';
