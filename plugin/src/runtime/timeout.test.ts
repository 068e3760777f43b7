import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTimeout } from './timeout';

describe('withTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes on a value that arrives in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 100)).resolves.toEqual({ kind: 'settled', value: 7 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('turns a rejection into a result instead of throwing', async () => {
    const error = new Error('offline');
    await expect(withTimeout(Promise.reject(error), 100)).resolves.toEqual({ kind: 'rejected', error });
  });

  it('gives up after the timeout and ignores a late answer', async () => {
    let answer: (value: string) => void = () => {};
    const late = new Promise<string>((resolve) => {
      answer = resolve;
    });
    const result = withTimeout(late, 5_000);
    await vi.advanceTimersByTimeAsync(4_999);
    let settled = false;
    void result.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ kind: 'timeout' });
    answer('too late');
    await expect(result).resolves.toEqual({ kind: 'timeout' });
  });
});
