export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// The relay's users are in Japan, and the sandbox may run in a UTC container: show JST.
const dateFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** Unix seconds → "2026/01/02 03:04 JST". */
export function formatTime(unixSeconds: number): string {
  return `${dateFormat.format(unixSeconds * 1000)} JST`;
}

export function formatYen(amount: number): string {
  return `¥${amount.toLocaleString('en-US')}`;
}

/** A button in a POST form; `name=action` carries which one was pressed, as browsers send it. */
export function button(value: string, label: string, extra = ''): string {
  return `<button type="submit" name="action" value="${escapeHtml(value)}"${extra}>${escapeHtml(label)}</button>`;
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Stripe fake</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; color: #222; max-width: 36rem; padding: 0 1rem; }
h1 { font-size: 1.3rem; } .muted, small { color: #666; font-size: .85rem; }
.box { border: 1px solid #ddd; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.error { color: #b00020; } .ok { color: #0a6b2d; }
button { font-size: 1rem; padding: .5rem 1rem; margin: .25rem .25rem .25rem 0; cursor: pointer; }
input { font-size: 1rem; padding: .3rem; width: 100%; box-sizing: border-box; }
code { background: #f3f3f3; padding: 0 .25rem; }
</style>
</head>
<body>
<p class="muted">テスト用の Stripe の代わり（フェイク）です。実際の請求は発生しません。<br>
Stripe fake for tests: no real payment happens here.</p>
${body}
</body>
</html>
`;
}
