// JavaScript APIs kintone added after @kintone/dts-gen 9 was published (2025-07 and later).
// They are declared as possibly missing because older kintone versions, and test simulators,
// do not have them: callers must feature-detect before calling.

// Inside `namespace kintone`, `Promise` names dts-gen's deprecated `kintone.Promise` class.
type KintoneNativePromise<T> = Promise<T>;

declare namespace kintone {
  type NotificationType = 'ERROR' | 'SUCCESS' | 'INFO';

  /** Shows kintone's own notification bar (PC). Only one is shown at a time. */
  const showNotification: ((type: NotificationType, message: string) => unknown) | undefined;
  const isMobilePage: (() => boolean) | undefined;
  const getDomain: (() => KintoneNativePromise<{ subdomain: string; baseDomain: string }>) | undefined;

  namespace mobile {
    /** Shows kintone's own notification bar (mobile). */
    const showNotification: ((type: NotificationType, message: string) => unknown) | undefined;
  }
}
