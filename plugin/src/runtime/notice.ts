import { type Language, noticeMessages } from '../i18n/messages';

export type ShowNotification = (type: 'ERROR' | 'SUCCESS' | 'INFO', message: string) => unknown;

const BANNER_ID = 'k2c-notice';

/**
 * A small dismissible banner at the top of the page, for kintone versions without
 * `showNotification`. Built with DOM calls and textContent only: the text may carry a relay
 * message, which must never be parsed as HTML.
 */
export function showBanner(doc: Document, message: string, language: Language): HTMLElement {
  doc.getElementById(BANNER_ID)?.remove();
  const banner = doc.createElement('div');
  banner.id = BANNER_ID;
  banner.className = 'k2c-notice';
  banner.setAttribute('role', 'alert');
  const text = doc.createElement('span');
  text.className = 'k2c-notice-text';
  text.textContent = message;
  banner.append(text);
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'k2c-notice-close';
  close.setAttribute('aria-label', noticeMessages[language].dismiss);
  close.textContent = '×';
  close.addEventListener('click', () => banner.remove());
  banner.append(close);
  doc.body.prepend(banner);
  return banner;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Shows an error notice with kintone's own notification when this kintone has it. kintone documents
 * showNotification as asynchronous (it returns a Promise): a rejection falls back to the banner too,
 * instead of surfacing as an unhandled rejection.
 */
export function showNotice(
  message: string,
  language: Language,
  showNotification: ShowNotification | undefined,
  doc: Document | undefined,
): void {
  const banner = () => {
    if (doc?.body) showBanner(doc, message, language);
  };
  if (typeof showNotification === 'function') {
    try {
      const shown = showNotification('ERROR', message);
      if (isThenable(shown)) shown.then(undefined, banner);
      return;
    } catch {
      // Fall through to the banner: a notice must never be lost to a failing API.
    }
  }
  banner();
}
