import type { FC } from 'hono/jsx';
import { Field, type FieldErrors, FormErrors } from '../layout/components';
import { PublicLayout } from '../layout/layout';
import type { View } from '../layout/view';

export interface FormState {
  values?: Record<string, string | undefined>;
  errors?: FieldErrors;
  error?: string | undefined;
}

export const LoginPage: FC<{ view: View; state?: FormState; next?: string | undefined }> = ({
  view,
  state = {},
  next,
}) => {
  const { t } = view;
  const values = state.values ?? {};
  return (
    <PublicLayout view={view} title={t.login.title}>
      <div class="auth-card card">
        <h1>{t.login.title}</h1>
        <p class="lead">{t.login.lead}</p>
        <FormErrors t={t} error={state.error} fields={state.errors} />
        <form method="post" action="/login" class="stack">
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <Field
            t={t}
            id="email"
            type="email"
            label={t.fields.email}
            value={values.email}
            error={state.errors?.email}
            autocomplete="username"
            required
            maxlength={254}
          />
          <Field
            t={t}
            id="password"
            type="password"
            label={t.fields.password}
            error={state.errors?.password}
            autocomplete="current-password"
            required
            maxlength={256}
          />
          <button type="submit" class="button button-primary button-block">
            {t.login.submit}
          </button>
        </form>
        <p class="auth-links">
          <a href="/password/forgot">{t.login.forgot}</a>
        </p>
        <p class="auth-switch">
          {t.login.noAccount} <a href="/signup">{t.login.signupLink}</a>
        </p>
      </div>
    </PublicLayout>
  );
};

export const SignupPage: FC<{ view: View; state?: FormState }> = ({ view, state = {} }) => {
  const { t } = view;
  const values = state.values ?? {};
  return (
    <PublicLayout view={view} title={t.signup.title}>
      <div class="auth-card card">
        <h1>{t.signup.title}</h1>
        <p class="lead">{t.signup.lead}</p>
        <FormErrors t={t} error={state.error} fields={state.errors} />
        <form method="post" action="/signup" class="stack">
          <Field
            t={t}
            id="companyName"
            label={t.fields.companyName}
            hint={t.fields.companyNameHint}
            value={values.companyName}
            error={state.errors?.companyName}
            autocomplete="organization"
            required
            maxlength={200}
          />
          <Field
            t={t}
            id="email"
            type="email"
            label={t.fields.email}
            value={values.email}
            error={state.errors?.email}
            autocomplete="email"
            required
            maxlength={254}
          />
          <Field
            t={t}
            id="password"
            type="password"
            label={t.fields.password}
            hint={t.fields.passwordHint}
            error={state.errors?.password}
            autocomplete="new-password"
            required
            minlength={10}
            maxlength={256}
          />
          <p class="hint">
            {t.signup.privacyNote}
            <a href="/privacy">{t.signup.privacyLink}</a>
            {t.signup.privacyNoteAfter}
          </p>
          <button type="submit" class="button button-primary button-block">
            {t.signup.submit}
          </button>
        </form>
        <p class="auth-switch">
          {t.signup.hasAccount} <a href="/login">{t.signup.loginLink}</a>
        </p>
      </div>
    </PublicLayout>
  );
};

export const ForgotPasswordPage: FC<{ view: View; state?: FormState }> = ({ view, state = {} }) => {
  const { t } = view;
  return (
    <PublicLayout view={view} title={t.forgot.title}>
      <div class="auth-card card">
        <h1>{t.forgot.title}</h1>
        <p class="lead">{t.forgot.lead}</p>
        <FormErrors t={t} error={state.error} fields={state.errors} />
        <form method="post" action="/password/forgot" class="stack">
          <Field
            t={t}
            id="email"
            type="email"
            label={t.fields.email}
            value={state.values?.email}
            error={state.errors?.email}
            autocomplete="email"
            required
            maxlength={254}
          />
          <button type="submit" class="button button-primary button-block">
            {t.forgot.submit}
          </button>
        </form>
        <p class="auth-links">
          <a href="/login">{t.forgot.backToLogin}</a>
        </p>
      </div>
    </PublicLayout>
  );
};

export const ResetPasswordPage: FC<{ view: View; token: string; state?: FormState }> = ({
  view,
  token,
  state = {},
}) => {
  const { t } = view;
  return (
    <PublicLayout view={view} title={t.reset.title}>
      <div class="auth-card card">
        <h1>{t.reset.title}</h1>
        <p class="lead">{t.reset.lead}</p>
        <FormErrors t={t} error={state.error} fields={state.errors} />
        {token ? (
          <form method="post" action="/password/reset" class="stack">
            <input type="hidden" name="token" value={token} />
            <Field
              t={t}
              id="password"
              type="password"
              label={t.fields.newPassword}
              hint={t.fields.passwordHint}
              error={state.errors?.password}
              autocomplete="new-password"
              required
              minlength={10}
              maxlength={256}
            />
            <button type="submit" class="button button-primary button-block">
              {t.reset.submit}
            </button>
          </form>
        ) : null}
        <p class="auth-links">
          <a href="/password/forgot">{t.reset.requestAgain}</a>
        </p>
      </div>
    </PublicLayout>
  );
};
