import { escapeHtml, formatJst, htmlPage } from '../fake-server/html';

/** Unix seconds → "2026/01/02 03:04 JST". */
export function formatTime(unixSeconds: number): string {
  return formatJst(unixSeconds * 1000);
}

export function formatYen(amount: number): string {
  return `¥${amount.toLocaleString('en-US')}`;
}

/** A button in a POST form; `name=action` carries which one was pressed, as browsers send it. */
export function button(value: string, label: string, extra = ''): string {
  return `<button type="submit" name="action" value="${escapeHtml(value)}"${extra}>${escapeHtml(label)}</button>`;
}

const STYLE = `body { font-family: system-ui, sans-serif; margin: 2rem auto; color: #222; max-width: 36rem; padding: 0 1rem; }
h1 { font-size: 1.3rem; } .muted, small { color: #666; font-size: .85rem; }
.box { border: 1px solid #ddd; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.error { color: #b00020; } .ok { color: #0a6b2d; }
button { font-size: 1rem; padding: .5rem 1rem; margin: .25rem .25rem .25rem 0; cursor: pointer; }
input { font-size: 1rem; padding: .3rem; width: 100%; box-sizing: border-box; }
code { background: #f3f3f3; padding: 0 .25rem; }`;

export function page(title: string, body: string): string {
  return htmlPage({
    title: `${title} — Stripe fake`,
    style: STYLE,
    body: `<p class="muted">テスト用の Stripe の代わり（フェイク）です。実際の請求は発生しません。<br>
Stripe fake for tests: no real payment happens here.</p>
${body}`,
  });
}
