import { escapeHtml, formatJst, htmlPage } from '../fake-server/html';
import type { ReceivedMessage } from './types';

const STYLE = `body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; max-width: 60rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; } small, .meta { color: #666; font-size: .85rem; }
ol { list-style: none; padding: 0; } li { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .75rem; margin: .5rem 0; }
pre { white-space: pre-wrap; word-break: break-word; margin: .25rem 0 0; font-family: inherit; }
code { background: #f3f3f3; padding: 0 .25rem; }`;

/** Older messages are left off so a long test session cannot make the page (refreshed every 2 s) huge. */
const MAX_PER_ROOM = 200;

export interface DashboardInput {
  apiUrl: string;
  messages: ReceivedMessage[];
  requestCount: number;
  faultCount: number;
  roomName: (roomId: string) => string | undefined;
  accountName: (accountId: string) => string | undefined;
}

function renderMessage(message: ReceivedMessage, input: DashboardInput): string {
  const poster = input.accountName(message.accountId) ?? '';
  const unread = message.selfUnread ? ' · self_unread=1' : '';
  return (
    `<li><div class="meta">#${escapeHtml(message.messageId)} · ${escapeHtml(formatJst(message.receivedAt, { seconds: true }))}` +
    ` · ${escapeHtml(poster)} (account_id ${escapeHtml(message.accountId)})${unread}</div>` +
    `<pre>${escapeHtml(message.body)}</pre></li>`
  );
}

function renderRoom(roomId: string, messages: ReceivedMessage[], input: DashboardInput): string {
  const name = input.roomName(roomId) ?? '';
  const newestFirst = [...messages].reverse();
  const shown = newestFirst.slice(0, MAX_PER_ROOM);
  const hidden = newestFirst.length - shown.length;
  const more = hidden > 0 ? `<p class="meta">ほか ${hidden} 件 / ${hidden} older not shown</p>` : '';
  return (
    `<section><h2>${escapeHtml(name)} <small>room_id ${escapeHtml(roomId)} · ${messages.length} 件 / messages</small></h2>` +
    `<ol>${shown.map((message) => renderMessage(message, input)).join('')}</ol>${more}</section>`
  );
}

/**
 * The page newcomers see in the sandbox: what "ChatWork" received, per room, newest room and newest
 * message first. Plain server-rendered HTML with a meta refresh — no script, so it works under a
 * CSP of default-src 'none' and every value goes through escapeHtml.
 */
export function renderDashboard(input: DashboardInput): string {
  const byRoom = new Map<string, ReceivedMessage[]>();
  for (const message of input.messages) {
    const list = byRoom.get(message.roomId) ?? [];
    list.push(message);
    byRoom.set(message.roomId, list);
  }
  const rooms = [...byRoom.entries()].sort(([, a], [, b]) => (b.at(-1)?.receivedAt ?? 0) - (a.at(-1)?.receivedAt ?? 0));
  const content =
    rooms.length === 0
      ? '<p class="empty">まだメッセージはありません。<br>No messages yet.</p>'
      : rooms.map(([roomId, messages]) => renderRoom(roomId, messages, input)).join('');
  return htmlPage({
    title: '受信したメッセージ / Messages received — ChatWork fake',
    refreshSeconds: 2,
    style: STYLE,
    body: `<h1>受信したメッセージ / Messages received</h1>
<p>テスト用の ChatWork の代わり（フェイク）が受け取ったメッセージです。本物の ChatWork には何も送られていません。2 秒ごとに更新します。<br>
Messages received by the ChatWork fake, a local stand-in for ChatWork: nothing here reached the real ChatWork. Refreshes every 2 s.</p>
<p class="meta">API: <code>${escapeHtml(input.apiUrl)}</code> · リクエスト / requests: ${input.requestCount} · 注入中の障害 / active faults: ${input.faultCount}</p>
${content}`,
  });
}
