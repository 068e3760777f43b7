import type { FC } from 'hono/jsx';
import { Card, ConfirmForm, CopyButton, Field, FormErrors, Notice, Time } from '../layout/components';
import { AppLayout } from '../layout/layout';
import type { View } from '../layout/view';

export interface KeyItem {
  id: string;
  label: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The key in clear, shown in the answer to the POST that created it and never again. */
const NewKey: FC<{ view: View; created: { label: string; key: string } }> = ({ view, created }) => {
  const k = view.t.keys;
  return (
    <section class="card card-success new-key" aria-labelledby="new-key-title">
      <h2 id="new-key-title">{k.createdTitle}</h2>
      <Notice kind="warning">
        <p>
          <strong>{k.createdWarning}</strong>
        </p>
      </Notice>
      <div class="field">
        <label for="new-key">{k.createdLabel(created.label)}</label>
        <div class="copy-row">
          <input
            id="new-key"
            type="text"
            class="secret-input"
            value={created.key}
            readonly
            autocomplete="off"
            spellcheck={false}
            data-select-on-focus=""
          />
          <CopyButton target="new-key" label={k.copy} done={k.copied} failed={k.copyFailed} />
        </div>
      </div>
      <p>
        {k.nextStep} <a href="/dashboard/plugin">{k.pluginGuide}</a>
      </p>
      <p>
        <a class="button button-secondary" href="/dashboard/keys">
          {k.done}
        </a>
      </p>
    </section>
  );
};

export const KeysPage: FC<{
  view: View;
  keys: KeyItem[];
  created?: { label: string; key: string } | undefined;
  label?: string | undefined;
  error?: string | undefined;
}> = ({ view, keys, created, label, error }) => {
  const { t, lang } = view;
  const k = t.keys;
  return (
    <AppLayout view={view} title={k.title} lead={k.lead}>
      {created ? <NewKey view={view} created={created} /> : null}
      <Card title={k.createTitle} id="create">
        <FormErrors t={t} fields={{ label: error }} />
        <form method="post" action="/dashboard/keys" class="form-inline">
          <Field
            t={t}
            id="label"
            label={k.label}
            hint={k.labelHint}
            value={created ? undefined : label}
            error={error}
            required
            maxlength={100}
          />
          <button type="submit" class="button button-primary">
            {k.create}
          </button>
        </form>
      </Card>
      <Card title={k.listTitle} id="keys">
        {keys.length === 0 ? (
          <p class="empty">{k.empty}</p>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{k.label}</th>
                  <th scope="col">{k.hint}</th>
                  <th scope="col">
                    {k.created} <span class="th-note">({t.common.japanTime})</span>
                  </th>
                  <th scope="col">{k.lastUsed}</th>
                  <th scope="col">
                    <span class="visually-hidden">{k.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr>
                    <th scope="row">{key.label}</th>
                    <td>
                      <code class="secret-hint">…{key.hint}</code>
                    </td>
                    <td>
                      <Time value={key.createdAt} lang={lang} />
                    </td>
                    <td>
                      <Time value={key.lastUsedAt} lang={lang} fallback={t.common.never} />
                    </td>
                    <td class="actions">
                      <ConfirmForm
                        action={`/dashboard/keys/${encodeURIComponent(key.id)}/revoke`}
                        confirm={k.revokeConfirm(key.label)}
                        button={k.revoke}
                        buttonClass="button button-danger-outline button-small"
                        label={`${k.revoke}: ${key.label}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </AppLayout>
  );
};

/** The confirmation a visitor without JavaScript sees before a key is revoked. */
export const RevokeKeyPage: FC<{ view: View; item: KeyItem }> = ({ view, item }) => {
  const k = view.t.keys;
  return (
    <AppLayout view={view} title={k.revokeTitle}>
      <Card class="card-danger">
        <p>{k.revokeConfirm(item.label)}</p>
        <p>
          <code class="secret-hint">…{item.hint}</code>
        </p>
        <form method="post" action={`/dashboard/keys/${encodeURIComponent(item.id)}/revoke`} class="button-row">
          <input type="hidden" name="confirmed" value="1" />
          <button type="submit" class="button button-danger">
            {k.revokeSubmit}
          </button>
          <a class="button button-secondary" href="/dashboard/keys">
            {view.t.common.cancel}
          </a>
        </form>
      </Card>
    </AppLayout>
  );
};
