import type { Language } from '../i18n/messages';

/**
 * kintone leaves the create screen with a full page load as soon as the save handlers resolve, which
 * wipes a notice shown a moment before. A notice still fresh when the page unloads is therefore kept
 * in sessionStorage (this tab only) and shown again on the next screen (see createNoticeHandoff).
 */
export const CARRY_KEY = 'k2c:notice';
export const CARRY_WINDOW_MS = 15_000;

export interface CarriedNotice {
  message: string;
  language: Language;
  at: number;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function carryNotice(storage: StorageLike, notice: CarriedNotice, now: number): void {
  if (now - notice.at <= CARRY_WINDOW_MS) storage.setItem(CARRY_KEY, JSON.stringify(notice));
}

/** The notice carried over from the previous page, once; null when there is none or it is stale. */
export function takeCarriedNotice(storage: StorageLike, now: number): CarriedNotice | null {
  const text = storage.getItem(CARRY_KEY);
  if (text === null) return null;
  storage.removeItem(CARRY_KEY);
  try {
    const notice = JSON.parse(text) as CarriedNotice;
    // Only this plug-in writes the key; the checks guard against an old or garbled entry.
    return typeof notice.message === 'string' && now - notice.at <= CARRY_WINDOW_MS ? notice : null;
  } catch {
    return null;
  }
}

/**
 * The notice waiting for the screen kintone shows after a save. A save's notice is raised just
 * before kintone moves on; it is shown again on the next screen (one page load later through
 * sessionStorage, or in the same page when kintone switches screens without loading one), and
 * then forgotten, so it never reappears on a screen the user opens later. Inline edits stay on
 * the list, where the notice is already on screen: those are never carried.
 */
export interface NoticeHandoff {
  raised(notice: CarriedNotice, carry: boolean): void;
  /** A screen kintone lands on after a save: the notice to show there, if any, once. */
  land(now: number): CarriedNotice | null;
  /** The page is being left: keeps the waiting notice for the next one. */
  leave(now: number): void;
}

/** `storage` is read lazily and may throw (sessionStorage blocked by the browser): notices are then not carried. */
export function createNoticeHandoff(storage: () => StorageLike, now: number): NoticeHandoff {
  let waiting: CarriedNotice | null = null;
  try {
    waiting = takeCarriedNotice(storage(), now);
  } catch {
    // No storage: nothing was carried over.
  }
  return {
    raised(notice, carry) {
      waiting = carry ? notice : null;
    },
    land(at) {
      const notice = waiting && at - waiting.at <= CARRY_WINDOW_MS ? waiting : null;
      waiting = null;
      return notice;
    },
    leave(at) {
      if (!waiting) return;
      try {
        carryNotice(storage(), waiting, at);
      } catch {
        // Storage blocked or full: the notice is lost, the page still unloads.
      }
    },
  };
}
