import { DataDirLockedError } from '@k2c/db';
import { EnvError, parseEnv } from './env';
import { reportStartFailure, runUntilSignal } from './run-until-signal';
import { startRelay } from './server';

// The process entry: read the settings once, start one relay instance, stop cleanly on a signal.
startRelay({ env: parseEnv(process.env) }).then(runUntilSignal, (error: unknown) =>
  reportStartFailure(error, (known) => known instanceof EnvError || known instanceof DataDirLockedError),
);
