import type { NotificationEvent } from '@k2c/rules';

export interface EventBindings {
  /** kintone event → the rule event it notifies about. */
  notify: ReadonlyArray<readonly [kintoneEvent: string, event: NotificationEvent]>;
  /** Screens where a record is opened for editing: remember its values for "only when changed". */
  editShow: readonly string[];
  /** Screens kintone opens after a save: where a notice carried over from the last page is shown. */
  landing: readonly string[];
  /** Save events after which kintone stays on the same screen: their notices are not carried over. */
  staysOnScreen: readonly string[];
}

export const desktopEvents: EventBindings = {
  notify: [
    ['app.record.create.submit.success', 'create'],
    ['app.record.edit.submit.success', 'edit'],
    ['app.record.index.edit.submit.success', 'edit'],
    ['app.record.detail.process.proceed', 'status'],
  ],
  editShow: ['app.record.edit.show', 'app.record.index.edit.show'],
  landing: ['app.record.detail.show', 'app.record.index.show'],
  staysOnScreen: ['app.record.index.edit.submit.success'],
};

/** kintone mobile has no inline edit on the record list. */
export const mobileEvents: EventBindings = {
  notify: [
    ['mobile.app.record.create.submit.success', 'create'],
    ['mobile.app.record.edit.submit.success', 'edit'],
    ['mobile.app.record.detail.process.proceed', 'status'],
  ],
  editShow: ['mobile.app.record.edit.show'],
  landing: ['mobile.app.record.detail.show', 'mobile.app.record.index.show'],
  staysOnScreen: [],
};
