import { describe, expect, it } from 'vitest';
import { CARRY_KEY, CARRY_WINDOW_MS, carryNotice, takeCarriedNotice } from './notice-carry';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('notice carry-over', () => {
  it('hands a fresh notice to the next page exactly once', () => {
    const storage = memoryStorage();
    carryNotice(storage, { message: 'Quota used up', language: 'en', at: 1_000 }, 1_200);
    expect(takeCarriedNotice(storage, 1_500)).toEqual({ message: 'Quota used up', language: 'en', at: 1_000 });
    expect(takeCarriedNotice(storage, 1_600)).toBeNull();
  });

  it('does not carry a notice the user had time to read', () => {
    const storage = memoryStorage();
    carryNotice(storage, { message: 'old', language: 'ja', at: 0 }, CARRY_WINDOW_MS + 1);
    expect(storage.items.size).toBe(0);
  });

  it('drops stale or malformed entries', () => {
    const storage = memoryStorage();
    carryNotice(storage, { message: 'x', language: 'ja', at: 0 }, 0);
    expect(takeCarriedNotice(storage, CARRY_WINDOW_MS + 1)).toBeNull();
    storage.setItem(CARRY_KEY, '{broken');
    expect(takeCarriedNotice(storage, 0)).toBeNull();
    expect(storage.items.size).toBe(0);
    storage.setItem(CARRY_KEY, JSON.stringify({ message: 1, at: 0 }));
    expect(takeCarriedNotice(storage, 0)).toBeNull();
  });
});
