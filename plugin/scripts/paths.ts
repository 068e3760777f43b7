import { fileURLToPath } from 'node:url';

const resolve = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Locations inside the plug-in package, independent of the current directory. */
export const paths = {
  root: resolve('../'),
  static: resolve('../static'),
  dist: resolve('../dist'),
  contents: resolve('../dist/contents'),
  js: resolve('../dist/contents/js'),
  manifest: resolve('../dist/contents/manifest.json'),
  zip: resolve('../dist/plugin.zip'),
  defaultPrivateKey: resolve('../private.ppk'),
} as const;
