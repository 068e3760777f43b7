import { describe, expect, it } from 'vitest';
import { bundleEntries, viteConfigFor } from './bundle';
import { unwrapDefault } from './interop';

describe('viteConfigFor', () => {
  it('builds each entry as its own minified es2020 IIFE with nothing external', () => {
    expect(bundleEntries.map((entry) => [entry.file, entry.entry])).toEqual([
      ['desktop.js', 'src/desktop.ts'],
      ['mobile.js', 'src/mobile.ts'],
      ['config.js', 'src/config.ts'],
    ]);
    for (const entry of bundleEntries) {
      const config = viteConfigFor(entry, '/repo/plugin', '/repo/plugin/dist/contents/js');
      expect(config.configFile).toBe(false);
      expect(config.build).toMatchObject({
        outDir: '/repo/plugin/dist/contents/js',
        emptyOutDir: false,
        target: 'es2020',
        minify: true,
        lib: { entry: `/repo/plugin/${entry.entry}`, formats: ['iife'] },
        rolldownOptions: { external: [] },
      });
      const lib = config.build?.lib;
      const fileName = lib && typeof lib.fileName === 'function' ? lib.fileName('iife', entry.file) : undefined;
      expect(fileName).toBe(entry.file);
    }
  });
});

describe('unwrapDefault', () => {
  it('handles both shapes of a CommonJS default export', () => {
    const fn = () => 1;
    expect(unwrapDefault(fn)).toBe(fn);
    expect(unwrapDefault({ default: fn } as unknown as typeof fn)).toBe(fn);
  });
});
