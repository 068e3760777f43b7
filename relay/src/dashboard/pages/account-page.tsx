import type { FC } from 'hono/jsx';
import { Card, Details, Field, type FieldErrors, FormErrors } from '../layout/components';
import { AppLayout, LogoutButton, PublicLayout } from '../layout/layout';
import type { View } from '../layout/view';

export interface AccountForms {
  password?: { errors?: FieldErrors; error?: string | undefined };
  deletion?: { errors?: FieldErrors; error?: string | undefined };
}

export const AccountPage: FC<{ view: View; forms?: AccountForms }> = ({ view, forms = {} }) => {
  const { t } = view;
  const a = t.account;
  const viewer = view.viewer;
  return (
    <AppLayout view={view} title={a.title}>
      <div class="grid grid-2">
        <div class="stack">
          <Card title={a.profile} id="profile">
            <Details
              rows={[
                [a.company, viewer?.tenantName ?? ''],
                [a.email, viewer?.email ?? ''],
              ]}
            />
          </Card>
          <Card title={a.passwordTitle} id="password">
            <p class="hint">{a.passwordLead}</p>
            <FormErrors t={t} error={forms.password?.error} fields={forms.password?.errors} />
            <form method="post" action="/dashboard/account/password" class="stack">
              {/* Lets password managers tie the new password to the right account. */}
              <input type="hidden" name="username" value={viewer?.email ?? ''} autocomplete="username" />
              <Field
                t={t}
                id="currentPassword"
                type="password"
                label={t.fields.currentPassword}
                error={forms.password?.errors?.currentPassword}
                autocomplete="current-password"
                required
                maxlength={256}
              />
              <Field
                t={t}
                id="newPassword"
                type="password"
                label={t.fields.newPassword}
                hint={t.fields.passwordHint}
                error={forms.password?.errors?.newPassword}
                autocomplete="new-password"
                required
                minlength={10}
                maxlength={256}
              />
              <div>
                <button type="submit" class="button button-primary">
                  {a.passwordSubmit}
                </button>
              </div>
            </form>
          </Card>
          <Card title={a.logoutTitle} id="logout">
            <p class="hint">{a.logoutLead}</p>
            <LogoutButton view={view} class="button button-secondary" />
          </Card>
        </div>
        <div class="stack">
          <Card title={a.exportTitle} id="export">
            <p>{a.exportLead}</p>
            <p>
              <a class="button button-secondary" href="/dashboard/account/export" download>
                {a.exportLink}
              </a>
            </p>
          </Card>
          <Card title={a.deleteTitle} id="delete" class="card-danger">
            <p>{a.deleteLead}</p>
            <ul class="bullets">
              {a.deletePoints.map((point) => (
                <li>{point}</li>
              ))}
            </ul>
            <FormErrors t={t} error={forms.deletion?.error} fields={forms.deletion?.errors} />
            <form method="post" action="/dashboard/account/delete" class="stack" data-confirm={a.deleteConfirm}>
              <input type="hidden" name="confirmed" value="" />
              <input type="hidden" name="username" value={viewer?.email ?? ''} autocomplete="username" />
              <Field
                t={t}
                id="deletePassword"
                name="password"
                type="password"
                label={a.deletePassword}
                error={forms.deletion?.errors?.password}
                autocomplete="current-password"
                required
                maxlength={256}
              />
              <div>
                <button type="submit" class="button button-danger">
                  {a.deleteSubmit}
                </button>
              </div>
            </form>
          </Card>
        </div>
      </div>
    </AppLayout>
  );
};

export const AccountDeletedPage: FC<{ view: View; purgeDate: string }> = ({ view, purgeDate }) => {
  const a = view.t.account;
  return (
    <PublicLayout view={view} title={a.deletedTitle}>
      <div class="card auth-card">
        <h1>{a.deletedTitle}</h1>
        <p>{a.deletedBody(purgeDate)}</p>
        <p class="hint">
          {a.deletedUndo} <a href="/contact">{view.t.nav.contact}</a>
        </p>
      </div>
    </PublicLayout>
  );
};
