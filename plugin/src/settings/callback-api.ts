/**
 * kintone's settings-screen setters report success only through a callback (and have no failure
 * callback). These wrappers turn each into a Promise, rejecting when the call throws or when no
 * callback arrives in time, so a caller can await one before starting the next.
 */

export type Done = () => void;

/** The callback-style setters as kintone defines them. */
export interface ConfigSetters {
  setConfig(config: Record<string, string>, callback: Done): void;
  setProxyConfig(
    url: string,
    method: string,
    headers: Record<string, string>,
    data: Record<string, string>,
    callback: Done,
  ): void;
}

export interface PromisedConfigSetters {
  setConfig(config: Record<string, string>): Promise<void>;
  setProxyConfig(
    url: string,
    method: string,
    headers: Record<string, string>,
    data: Record<string, string>,
  ): Promise<void>;
}

export const CALLBACK_TIMEOUT_MS = 30_000;

export class CallbackTimeoutError extends Error {
  constructor(readonly operation: string) {
    super(`${operation} did not finish`);
    this.name = 'CallbackTimeoutError';
  }
}

export function whenCalledBack(
  operation: string,
  start: (done: Done) => void,
  timeoutMs = CALLBACK_TIMEOUT_MS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new CallbackTimeoutError(operation));
    }, timeoutMs);
    try {
      start(() => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve();
      });
    } catch (error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    }
  });
}

export function promiseConfigSetters(setters: ConfigSetters, timeoutMs = CALLBACK_TIMEOUT_MS): PromisedConfigSetters {
  return {
    setConfig: (config) => whenCalledBack('setConfig', (done) => setters.setConfig(config, done), timeoutMs),
    setProxyConfig: (url, method, headers, data) =>
      whenCalledBack(
        `setProxyConfig ${method} ${url}`,
        (done) => setters.setProxyConfig(url, method, headers, data, done),
        timeoutMs,
      ),
  };
}
