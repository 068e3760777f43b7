import type { KintoneRecord } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import { createSnapshotStore } from './snapshot-store';

const record = (title: string): KintoneRecord => ({
  title: { type: 'SINGLE_LINE_TEXT', value: title },
  other: { type: 'NUMBER', value: '1' },
});

describe('createSnapshotStore', () => {
  it('remembers the referenced fields once per record', () => {
    const store = createSnapshotStore();
    store.remember('1', record('before'), ['title']);
    expect(store.take('1')).toEqual({ title: { type: 'SINGLE_LINE_TEXT', value: 'before' } });
    expect(store.take('1')).toBeNull();
    expect(store.take('2')).toBeNull();
  });

  it('keeps the values as they were when remembered', () => {
    const store = createSnapshotStore();
    const opened = record('before');
    store.remember('1', opened, ['title']);
    (opened.title as { value: unknown }).value = 'typed later';
    expect(store.take('1')?.title?.value).toBe('before');
  });

  it('forgets the oldest records past its limit', () => {
    const store = createSnapshotStore(2);
    store.remember('1', record('a'), ['title']);
    store.remember('2', record('b'), ['title']);
    store.remember('3', record('c'), ['title']);
    expect(store.take('1')).toBeNull();
    expect(store.take('2')).not.toBeNull();
    expect(store.take('3')).not.toBeNull();
  });
});
