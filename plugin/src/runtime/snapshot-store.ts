import type { KintoneRecord } from '@k2c/rules';
import { pickFields } from './build-request';

export interface SnapshotStore {
  /** Remembers the referenced fields of a record as the user opened it for editing. */
  remember(recordId: string, record: KintoneRecord, fields: readonly string[]): void;
  /** Returns and forgets what was remembered for the record. */
  take(recordId: string): KintoneRecord | null;
}

/**
 * In-memory, per page. Bounded because inline edits that are started and cancelled on a long
 * record list leave entries behind that no save ever takes.
 */
export function createSnapshotStore(limit = 100): SnapshotStore {
  const snapshots = new Map<string, KintoneRecord>();
  return {
    remember(recordId, record, fields) {
      snapshots.delete(recordId);
      snapshots.set(recordId, pickFields(record, fields));
      // Maps iterate in insertion order: the first key is the oldest.
      if (snapshots.size > limit) snapshots.delete(snapshots.keys().next().value as string);
    },
    take(recordId) {
      const snapshot = snapshots.get(recordId) ?? null;
      snapshots.delete(recordId);
      return snapshot;
    },
  };
}
