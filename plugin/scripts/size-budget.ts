import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** 1 KB = 1,024 bytes throughout. */
export const KB = 1024;

/** Minified size limits. The runtime files load on every record screen, so they stay small. */
export const SIZE_BUDGETS: Readonly<Record<string, number>> = {
  'desktop.js': 15 * KB,
  'mobile.js': 15 * KB,
  'config.js': 150 * KB,
};

export interface SizeReport {
  file: string;
  /** null when the file is missing. */
  bytes: number | null;
  budget: number;
  ok: boolean;
}

export function checkSizes(sizes: Readonly<Record<string, number>>, budgets = SIZE_BUDGETS): SizeReport[] {
  return Object.entries(budgets).map(([file, budget]) => {
    const bytes = sizes[file] ?? null;
    return { file, bytes, budget, ok: bytes !== null && bytes <= budget };
  });
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

export function formatSizeReport(reports: readonly SizeReport[]): string {
  const width = Math.max(...reports.map((report) => report.file.length));
  return reports
    .map((report) => {
      const name = report.file.padEnd(width);
      if (report.bytes === null) return `  ${name}  missing                      FAIL`;
      const size = `${report.bytes.toLocaleString('en-US')} B`.padStart(10);
      const verdict = report.ok ? 'ok' : 'OVER BUDGET';
      return `  ${name}  ${size}  ${kb(report.bytes).padStart(8)} / ${kb(report.budget)}  ${verdict}`;
    })
    .join('\n');
}

export async function measureFiles(dir: string, files: readonly string[]): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const file of files) {
    try {
      sizes[file] = (await stat(join(dir, file))).size;
    } catch {
      // Missing: checkSizes reports it.
    }
  }
  return sizes;
}
