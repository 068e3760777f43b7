import { en } from './en';
import { ja, type Messages } from './ja';
import type { Lang } from './language';

export type { Messages } from './ja';
export { isLang, LANG_COOKIE, LANGS, type Lang, pickLanguage } from './language';

const dictionaries: Record<Lang, Messages> = { ja, en };

export function messagesFor(lang: Lang): Messages {
  return dictionaries[lang];
}
