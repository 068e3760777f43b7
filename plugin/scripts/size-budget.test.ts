import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSizes, formatSizeReport, KB, measureFiles, SIZE_BUDGETS } from './size-budget';

describe('size budget', () => {
  it('has the agreed limits', () => {
    expect(SIZE_BUDGETS).toEqual({ 'desktop.js': 15 * 1024, 'mobile.js': 15 * 1024, 'config.js': 150 * 1024 });
  });

  it('passes files within budget, including exactly at the limit', () => {
    const reports = checkSizes({ 'desktop.js': 15 * KB, 'mobile.js': 9_000, 'config.js': 40_000 });
    expect(reports.every((report) => report.ok)).toBe(true);
  });

  it('fails a file over budget and a missing file', () => {
    const reports = checkSizes({ 'desktop.js': 15 * KB + 1, 'config.js': 1 });
    expect(reports.filter((report) => !report.ok).map((report) => report.file)).toEqual(['desktop.js', 'mobile.js']);
    const text = formatSizeReport(reports);
    expect(text).toContain('desktop.js');
    expect(text).toContain('15,361 B');
    expect(text).toContain('OVER BUDGET');
    expect(text).toMatch(/mobile\.js\s+missing/);
  });

  it('measures files on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'k2c-size-'));
    await writeFile(join(dir, 'desktop.js'), 'x'.repeat(1234));
    expect(await measureFiles(dir, ['desktop.js', 'mobile.js'])).toEqual({ 'desktop.js': 1234 });
  });
});
