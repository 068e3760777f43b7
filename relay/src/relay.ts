// What other packages (scripts, tests) use to run a relay in-process.
export { createApp } from './app';
export type { AppDeps } from './app-deps';
export { type Env, EnvError, parseEnv } from './env';
export { createLogger, type Logger } from './logger';
export { reportStartFailure, runUntilSignal } from './run-until-signal';
export { type RunningRelay, type StartRelayOptions, startRelay } from './server';
