import type { FC } from 'hono/jsx';
import type { Messages } from '../i18n/index';
import { Details } from '../layout/components';

export interface ChatworkConnection {
  accountId: string;
  name: string;
  tokenHint: string;
  status: string;
}

/** The ChatWork connection's health: who sends, which token (masked), and whether ChatWork still takes it. */
export const ChatworkStatus: FC<{ chatwork: ChatworkConnection | null; t: Messages }> = ({ chatwork, t }) => {
  const s = t.chatworkStatus;
  if (!chatwork) {
    return (
      <div class="connection connection-none">
        <p>
          <span class="badge badge-none">{s.notConnected}</span>
        </p>
        <p class="hint">{s.notConnectedHelp}</p>
      </div>
    );
  }
  const active = chatwork.status === 'active';
  return (
    <div class={active ? 'connection connection-active' : 'connection connection-invalid'}>
      <Details
        rows={[
          [
            s.status,
            <span class={active ? 'badge badge-active' : 'badge badge-invalid'}>{active ? s.active : s.invalid}</span>,
          ],
          [s.account, s.accountValue(chatwork.name, chatwork.accountId)],
          [s.tokenHint, <code class="secret-hint">{s.masked(chatwork.tokenHint)}</code>],
        ]}
      />
      {active ? null : <p class="inline-alert">{s.invalidHelp}</p>}
    </div>
  );
};
