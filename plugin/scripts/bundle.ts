import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';

export interface BundleEntry {
  /** Output file name in dist/contents/js. */
  file: string;
  /** Entry module, relative to the package root. */
  entry: string;
  /** IIFE global name; the entries export nothing, so it stays unused. */
  globalName: string;
}

export const bundleEntries: readonly BundleEntry[] = [
  { file: 'desktop.js', entry: 'src/desktop.ts', globalName: 'K2cDesktop' },
  { file: 'mobile.js', entry: 'src/mobile.ts', globalName: 'K2cMobile' },
  { file: 'config.js', entry: 'src/config.ts', globalName: 'K2cConfig' },
];

/**
 * One Vite library build per entry: IIFE allows a single entry per build. Everything is bundled
 * (kintone loads each file as a plain script), minified, for ES2020 browsers.
 */
export function viteConfigFor(entry: BundleEntry, root: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: join(root, entry.entry),
        formats: ['iife'],
        name: entry.globalName,
        fileName: () => entry.file,
      },
      rolldownOptions: {
        external: [],
        // es2020 has no class fields. Lower them to plain assignments rather than defineProperty
        // helpers: the bundled classes have no accessors the difference could affect, and the
        // helpers would cost ~700 bytes of each 15 KB runtime budget.
        transform: { assumptions: { setPublicClassFields: true } },
      },
    },
  };
}

/** Builds the entries one after another into outDir. */
export async function bundleAll(root: string, outDir: string, entries: readonly BundleEntry[] = bundleEntries) {
  for (const entry of entries) await build(viteConfigFor(entry, root, outDir));
}
