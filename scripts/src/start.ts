import { DataDirLockedError } from '@k2c/db';
import { EnvError, parseEnv, reportStartFailure, runUntilSignal, startRelay } from '@k2c/relay';
import { ensurePluginBuilt } from './ensure-plugin-built';

// `pnpm start`: a working relay on the embedded database, with a current plugin.zip beside it.
async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const pluginZipPath = ensurePluginBuilt();
  const relay = await startRelay({ env, pluginZipPath });
  const database = relay.database.driver === 'pglite' ? `embedded database in ${env.DATA_DIR}` : 'PostgreSQL';
  process.stdout.write(
    [
      '',
      `kintone2chatwork relay: ${relay.url}  (${database})`,
      `プラグイン / plug-in zip: ${pluginZipPath}`,
      `  (${relay.url}/download/plugin.zip)`,
      'Ctrl-C で停止 / Ctrl-C to stop',
      '',
    ].join('\n'),
  );
  runUntilSignal(relay);
}

main().catch((error: unknown) =>
  reportStartFailure(error, (known) => known instanceof EnvError || known instanceof DataDirLockedError),
);
