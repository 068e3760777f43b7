import { KintoneError } from './kintone-error';
import { buildValues } from './record-values';
import { type AppState, emptySettings, type SimState, type StoredRecord, userRef, utcMinute } from './state';
import type { SimApp } from './types';

/** Registers an app and seeds its records through the same validation a REST write gets. */
export function addAppState(state: SimState, app: SimApp): AppState {
  if (!/^[1-9]\d*$/.test(app.id)) throw new Error(`SimApp id must be a positive integer string, got "${app.id}"`);
  if (state.apps.has(app.id)) throw new Error(`SimApp ${app.id} already exists`);
  if (app.process && app.process.states.length === 0)
    throw new Error(`SimApp ${app.id}: process needs at least one state`);
  const now = utcMinute(new Date());
  const appState: AppState = {
    app: structuredClone(app),
    records: new Map(),
    nextRecordId: 1,
    nextRowId: 1,
    createdAt: now,
    pending: emptySettings(),
    deployed: emptySettings(),
    saving: false,
  };
  const creator = state.users[0];
  if (!creator) throw new Error('The simulator has no users');
  for (const [index, input] of (app.records ?? []).entries()) {
    let values: StoredRecord['values'];
    try {
      values = buildValues(appState, input, state.users);
    } catch (error) {
      const detail = error instanceof KintoneError ? JSON.stringify(error.toBody()) : String(error);
      throw new Error(`SimApp ${app.id}: initial record #${index} is invalid: ${detail}`);
    }
    const record: StoredRecord = {
      id: appState.nextRecordId++,
      revision: 1,
      values,
      creator: userRef(creator),
      createdAt: now,
      modifier: userRef(creator),
      updatedAt: now,
      status: app.process?.states[0] ?? null,
    };
    appState.records.set(record.id, record);
  }
  state.apps.set(app.id, appState);
  return appState;
}
