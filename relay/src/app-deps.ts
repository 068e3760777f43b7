import type { Db } from '@k2c/db';
import type { ChatworkClient } from './chatwork/chatwork-client';
import type { Keyring } from './crypto/keyring';
import type { Env } from './env';
import type { Logger } from './logger';

/** Everything the HTTP app needs, built once by the caller; createApp itself starts nothing. */
export interface AppDeps {
  db: Db;
  env: Env;
  keyring: Keyring;
  chatwork: ChatworkClient;
  logger: Logger;
  /** Clock, replaceable in tests. */
  now: () => Date;
  /** Where the built plug-in is, for GET /download/plugin.zip. */
  pluginZipPath?: string | undefined;
}
