/** The fakes' own pages (what the sandbox shows a newcomer, Stripe's hosted pages): plain HTML. */

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// ChatWork's, kintone's and the relay's users are in Japan, and the sandbox may run in a UTC
// container: show JST.
const jst = (seconds: boolean) =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
  });
const toMinutes = jst(false);
const toSeconds = jst(true);

/** Epoch milliseconds → "2026/01/02 03:04 JST", or with `seconds` "2026/01/02 03:04:05 JST". */
export function formatJst(epochMs: number, options: { seconds?: boolean } = {}): string {
  return `${(options.seconds ? toSeconds : toMinutes).format(epochMs)} JST`;
}

export interface HtmlPage {
  /** Escaped here. */
  title: string;
  /** The page's CSS, one rule a line. */
  style: string;
  /** HTML, already escaped. */
  body: string;
  /** Reload the page every so many seconds (a meta refresh, which needs no script). */
  refreshSeconds?: number;
}

/** A whole page in Japanese (with English beside it), styles inline so a CSP of default-src 'none' holds. */
export function htmlPage(page: HtmlPage): string {
  const refresh =
    page.refreshSeconds === undefined ? '' : `<meta http-equiv="refresh" content="${page.refreshSeconds}">\n`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
${refresh}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
${page.style}
</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
