import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The plug-in as `pnpm build` packs it; `pnpm test` builds it first. */
export function builtPluginZip(): string {
  const path = fileURLToPath(new URL('../../../plugin/dist/plugin.zip', import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm build (pnpm test does it first)`);
  return path;
}
