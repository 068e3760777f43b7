import type { FC } from 'hono/jsx';
import { Card, Field, FormErrors } from '../layout/components';
import { AppLayout } from '../layout/layout';
import type { View } from '../layout/view';
import { type ChatworkConnection, ChatworkStatus } from './chatwork-status';

export const ChatworkPage: FC<{
  view: View;
  chatwork: ChatworkConnection | null;
  error?: string | undefined;
}> = ({ view, chatwork, error }) => {
  const { t } = view;
  const c = t.chatwork;
  return (
    <AppLayout view={view} title={c.title} lead={c.lead}>
      <div class="grid grid-2">
        <div class="stack">
          <Card title={c.current} id="current">
            <ChatworkStatus chatwork={chatwork} t={t} />
          </Card>
          <Card title={chatwork ? c.replaceTitle : c.connectTitle} id="connect">
            <FormErrors t={t} fields={{ token: error }} />
            <form method="post" action="/dashboard/chatwork" class="stack">
              <Field
                t={t}
                id="token"
                type="password"
                label={c.tokenLabel}
                hint={c.tokenHint}
                error={error}
                autocomplete="off"
                required
                maxlength={200}
                class="field-mono"
              />
              <div>
                <button type="submit" class="button button-primary">
                  {chatwork ? c.submitReplace : c.submitNew}
                </button>
              </div>
            </form>
          </Card>
        </div>
        <Card title={c.howTitle} id="how" class="card-muted">
          <ol class="numbered">
            {c.howSteps.map((step) => (
              <li>{step}</li>
            ))}
          </ol>
          <p class="note">{c.orgNote}</p>
          <p class="note">{c.roomsNote}</p>
        </Card>
      </div>
    </AppLayout>
  );
};
