import { describe, expect, it } from 'vitest';
import { CARRY_KEY, CARRY_WINDOW_MS, carryNotice, createNoticeHandoff, takeCarriedNotice } from './notice-carry';

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

describe('notice handoff between screens', () => {
  const notice = { message: 'Not sent', language: 'en' as const, at: 1_000 };

  it('carries a save notice over a page load and shows it once on the landing screen', () => {
    const storage = memoryStorage();
    const before = createNoticeHandoff(() => storage, 0);
    before.raised(notice, true);
    before.leave(1_500);
    const after = createNoticeHandoff(() => storage, 1_800);
    expect(after.land(1_900)).toEqual(notice);
    expect(after.land(2_000)).toBeNull();
    after.leave(2_100);
    expect(storage.items.size).toBe(0);
  });

  it('shows it on a landing screen of the same page (kintone switching screens without a load), then forgets it', () => {
    const storage = memoryStorage();
    const handoff = createNoticeHandoff(() => storage, 0);
    handoff.raised(notice, true);
    expect(handoff.land(1_200)).toEqual(notice);
    handoff.leave(1_300);
    expect(storage.items.size).toBe(0);
  });

  it('never carries the notice of a save that stays on the screen', () => {
    const storage = memoryStorage();
    const handoff = createNoticeHandoff(() => storage, 0);
    handoff.raised(notice, true);
    handoff.raised({ ...notice, message: 'inline' }, false);
    handoff.leave(1_500);
    expect(storage.items.size).toBe(0);
    expect(handoff.land(1_600)).toBeNull();
  });

  it('works without storage (blocked by the browser)', () => {
    const blocked = () => {
      throw new Error('SecurityError');
    };
    const handoff = createNoticeHandoff(blocked, 0);
    handoff.raised(notice, true);
    expect(() => handoff.leave(1_500)).not.toThrow();
    expect(handoff.land(1_600)).toEqual(notice);
  });
});
