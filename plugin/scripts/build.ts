// `pnpm build`: bundle → copy static files → validate the manifest → check sizes → pack.
import { cp, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { bundleAll, bundleEntries } from './bundle';
import { packPlugin, writePluginZip } from './pack';
import { paths } from './paths';
import { loadPrivateKey, PrivateKeyError } from './private-key';
import { checkSizes, formatSizeReport, measureFiles } from './size-budget';
import { checkManifest, readManifest } from './validate-manifest';

class BuildError extends Error {}

const show = (path: string) => relative(process.cwd(), path) || '.';

async function main(): Promise<void> {
  await rm(paths.dist, { recursive: true, force: true });

  console.log('1/5 Bundling desktop.js, mobile.js and config.js (Vite, IIFE, es2020, minified)…');
  await bundleAll(paths.root, paths.js);

  console.log(`2/5 Copying static files into ${show(paths.contents)}…`);
  await cp(paths.static, paths.contents, { recursive: true });

  console.log('3/5 Validating manifest.json…');
  const manifest = checkManifest(readManifest(paths.manifest), paths.contents);
  for (const warning of manifest.warnings) console.log(`  warning: ${warning}`);
  if (!manifest.valid) {
    throw new BuildError(`manifest.json was rejected:\n${manifest.errors.map((error) => `  - ${error}`).join('\n')}`);
  }
  console.log('  manifest.json is valid; every referenced file exists and is within its size limit.');

  console.log('4/5 Checking bundle sizes (minified, 1 KB = 1,024 bytes)…');
  const sizes = checkSizes(
    await measureFiles(
      paths.js,
      bundleEntries.map((entry) => entry.file),
    ),
  );
  console.log(formatSizeReport(sizes));
  const over = sizes.filter((report) => !report.ok);
  if (over.length > 0) {
    throw new BuildError(`Bundle size budget exceeded: ${over.map((report) => report.file).join(', ')}`);
  }

  console.log('5/5 Packing plugin.zip…');
  const key = await loadPrivateKey({
    env: process.env,
    defaultPath: paths.defaultPrivateKey,
    cwd: process.env.INIT_CWD ?? process.cwd(),
  });
  if (key.source === 'generated') {
    console.log(`  No private key found: generated ${show(key.path)} (mode 0600). Keep it safe and never commit it:`);
    console.log('  the same key is needed for every future build, or kintone will see a different plug-in.');
  } else {
    console.log(`  Private key: ${show(key.path)}${key.source === 'env' ? ' (PLUGIN_PPK)' : ''}`);
  }
  const packed = await packPlugin(paths.manifest, key.privateKey);
  await writePluginZip(paths.zip, packed.plugin);
  console.log(`\nPlug-in id: ${packed.id}`);
  console.log(`Plug-in zip: ${paths.zip} (${packed.plugin.length.toLocaleString('en-US')} bytes)`);
}

try {
  await main();
} catch (error) {
  console.error(`\nBuild failed: ${error instanceof Error ? error.message : String(error)}`);
  // Expected failures explain themselves; anything else gets its stack for debugging.
  const expected = error instanceof BuildError || error instanceof PrivateKeyError;
  if (!expected && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
}
