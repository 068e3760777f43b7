import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pluginSourceDirs, pluginZipPath, repoRoot } from './paths';

function newestChange(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds plugin.zip when it is missing or older than its sources, so `pnpm start` always serves a current one. */
export function ensurePluginBuilt(): string {
  const built = existsSync(pluginZipPath) ? statSync(pluginZipPath).mtimeMs : 0;
  const sources = Math.max(...pluginSourceDirs.map(newestChange));
  if (built >= sources) return pluginZipPath;
  process.stdout.write('Building the kintone plug-in…\n');
  const result = spawnSync('pnpm', ['--filter', '@k2c/plugin', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The plug-in build failed (see above).');
  return pluginZipPath;
}
