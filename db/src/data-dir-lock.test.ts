import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

const lockModule = new URL('./data-dir-lock.ts', import.meta.url).pathname;

function tryLockInAnotherProcess(lockPath: string): { status: number | null; output: string } {
  const script = `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
try { acquireDataDirLock(${JSON.stringify(lockPath)}); console.log('locked'); }
catch (error) { console.log(error.name + ': ' + error.message); process.exitCode = 3; }`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('acquireDataDirLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k2c-lock-'));
  const lockPath = join(dir, 'pglite.lock');
  afterEach(() => rmSync(lockPath, { force: true }));

  it('refuses a second process while the first holds the folder', () => {
    const release = acquireDataDirLock(lockPath);
    const other = tryLockInAnotherProcess(lockPath);
    expect(other.status).toBe(3);
    expect(other.output).toContain('DataDirLockedError');
    expect(other.output).toContain(String(process.pid));
    release();
    expect(tryLockInAnotherProcess(lockPath).output).toContain('locked');
  });

  it('refuses to open the same folder twice in one process', () => {
    const release = acquireDataDirLock(lockPath);
    expect(() => acquireDataDirLock(lockPath)).toThrow(DataDirLockedError);
    release();
  });

  it('takes over a lock left by a process that died', () => {
    const deadPid = Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }));
    writeFileSync(lockPath, String(deadPid));
    const release = acquireDataDirLock(lockPath);
    expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
  });
});
