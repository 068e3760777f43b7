import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrations-folder';
import { readJournal } from './migrations-journal';

describe('the committed migrations', () => {
  const entries = readJournal();

  it('exist for every journal entry', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(existsSync(join(migrationsFolder, `${entry.tag}.sql`))).toBe(true);
  });

  // drizzle 0.45 applies a migration only when its timestamp is newer than the last one applied,
  // so a migration merged from an older branch would be skipped without a word.
  it('have strictly increasing timestamps', () => {
    for (let index = 1; index < entries.length; index++) {
      expect(entries[index]?.when).toBeGreaterThan(entries[index - 1]?.when ?? 0);
    }
  });
});
