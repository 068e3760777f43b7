import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../open-pglite';
import './provided-context';

/**
 * Starting PGlite and migrating takes seconds; loading a dump of an already migrated database
 * takes a fraction of that. Every test file starts from this one snapshot.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await openPglite();
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const snapshot = await client.dumpDataDir('none');
  await database.close();
  const path = join(tmpdir(), `k2c-pglite-snapshot-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshotPath', path);
  return () => rm(path, { force: true });
}
