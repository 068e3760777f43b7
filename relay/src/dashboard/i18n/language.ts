export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_COOKIE = 'k2c_lang';

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

/**
 * The first of our languages the browser asks for, by quality; Japanese when it asks for neither,
 * since most of our customers read Japanese.
 */
export function languageFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'ja';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/i.exec(param)?.[1]).find((value) => value !== undefined);
      return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.range !== '' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranked) {
    const primary = range.split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'ja';
}

/** The language cookie wins (the visitor chose it); otherwise the browser's preference. */
export function pickLanguage(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  return isLang(cookie) ? cookie : languageFromAcceptLanguage(acceptLanguage);
}
