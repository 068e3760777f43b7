export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * One JSON line per event. Callers pass only ids, codes and counts — never tokens, keys,
 * passwords or message bodies — so the log can be shared when support needs it.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: LogFields = {}) => {
      if (order[at] < order[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields }));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * An error as log fields. A failed database query is logged by its database error only: drizzle's
 * own message repeats the query's parameters, which may hold message bodies and other personal data.
 */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  if (error.message.startsWith('Failed query:')) {
    const cause = error.cause;
    const code = (cause as { code?: unknown } | undefined)?.code;
    return {
      error: 'DatabaseError',
      errorMessage: cause instanceof Error ? cause.message : 'query failed',
      ...(typeof code === 'string' ? { errorCode: code } : {}),
    };
  }
  return { error: error.name, errorMessage: error.message };
}
