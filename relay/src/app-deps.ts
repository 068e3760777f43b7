import type { Db } from '@k2c/db';
import type Stripe from 'stripe';
import type { ChatworkClient } from './chatwork/chatwork-client';
import type { Keyring } from './crypto/keyring';
import type { Env } from './env';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';

/** Everything the HTTP app needs, built once by the caller; createApp itself starts nothing. */
export interface AppDeps {
  db: Db;
  env: Env;
  keyring: Keyring;
  chatwork: ChatworkClient;
  logger: Logger;
  /** Outgoing mail (password reset): SMTP, or the log in development. */
  mailer: Mailer;
  /** Stripe, when billing is configured (STRIPE_SECRET_KEY); without it every tenant is on the free plan. */
  stripe?: Stripe | undefined;
  /** Clock, replaceable in tests. */
  now: () => Date;
  /** Where the built plug-in is, for GET /download/plugin.zip. */
  pluginZipPath?: string | undefined;
}
