import type { Language } from '../i18n/messages';

/**
 * kintone leaves the create screen with a full page load as soon as the save handlers resolve, which
 * wipes a notice shown a moment before. A notice still fresh when the page unloads is therefore kept
 * in sessionStorage (this tab only) and shown again on the next screen.
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
