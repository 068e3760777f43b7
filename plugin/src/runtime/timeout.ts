/** How long a save waits for the relay before giving up on showing the outcome. */
export const NOTIFICATION_TIMEOUT_MS = 5_000;

export type Timed<T> = { kind: 'settled'; value: T } | { kind: 'rejected'; error: unknown } | { kind: 'timeout' };

/** Waits for the promise at most `ms`; never rejects, so a caller can always go on. */
export function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<Timed<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
    // A promise settles once, so whichever of these runs first decides the result.
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve({ kind: 'settled', value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: 'rejected', error });
      },
    );
  });
}
