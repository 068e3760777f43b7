// What other packages (scripts, tests) use to run a relay in-process.
export { createApp } from './app';
export type { AppDeps } from './app-deps';
export { planFor } from './billing/plans';
export { usageMonth } from './billing/usage-month';
export { loadKeyring } from './crypto/encryption-keys';
export { type Keyring, parseKeyring } from './crypto/keyring';
export { decryptSecret, encryptSecret } from './crypto/token-cipher';
export { type Env, EnvError, parseEnv } from './env';
export { createLogger, type Logger } from './logger';
export { rotateChatworkTokens } from './maintenance/rotate-chatwork-tokens';
export { closeInquiry, listInquiries } from './queries/account-data';
export { reportStartFailure, runUntilSignal } from './run-until-signal';
export { type RunningRelay, type StartRelayOptions, startRelay } from './server';
export { tenantStatus } from './services/tenant-status';
