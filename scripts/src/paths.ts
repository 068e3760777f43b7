import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const pluginZipPath = fileURLToPath(new URL('../../plugin/dist/plugin.zip', import.meta.url));
export const pluginSourceDirs = ['plugin/src', 'plugin/static', 'plugin/scripts', 'rules/src'].map((dir) =>
  fileURLToPath(new URL(`../../${dir}`, import.meta.url)),
);
