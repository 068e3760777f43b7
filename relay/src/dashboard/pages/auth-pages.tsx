import type { Child, FC } from 'hono/jsx';
import { Field, type FieldErrors, FormErrors } from '../layout/components';
import { PublicLayout } from '../layout/layout';
import type { View } from '../layout/view';

export interface FormState {
  values?: Record<string, string | undefined>;
  errors?: FieldErrors;
  error?: string | undefined;
}

/** The card every signed-out form sits in: title, lead and the form's errors above the form. */
export const AuthCard: FC<{
  view: View;
  title: string;
  lead: string;
  state: FormState;
  wide?: boolean;
  children?: Child;
}> = ({ view, title, lead, state, wide, children }) => (
  <PublicLayout view={view} title={title}>
    <div class={wide ? 'card auth-card auth-card-wide' : 'auth-card card'}>
      <h1>{title}</h1>
      <p class="lead">{lead}</p>
      <FormErrors t={view.t} error={state.error} fields={state.errors} />
      {children}
    </div>
  </PublicLayout>
);

export const EmailField: FC<{ view: View; state: FormState; autocomplete: 'email' | 'username' }> = ({
  view,
  state,
  autocomplete,
}) => (
  <Field
    t={view.t}
    id="email"
    type="email"
    label={view.t.fields.email}
    value={state.values?.email}
    error={state.errors?.email}
    autocomplete={autocomplete}
    required
    maxlength={254}
  />
);

const NewPasswordField: FC<{ view: View; state: FormState; label: string }> = ({ view, state, label }) => (
  <Field
    t={view.t}
    id="password"
    type="password"
    label={label}
    hint={view.t.fields.passwordHint}
    error={state.errors?.password}
    autocomplete="new-password"
    required
    minlength={10}
    maxlength={256}
  />
);

export const LoginPage: FC<{ view: View; state?: FormState; next?: string | undefined }> = ({
  view,
  state = {},
  next,
}) => {
  const { t } = view;
  return (
    <AuthCard view={view} title={t.login.title} lead={t.login.lead} state={state}>
      <form method="post" action="/login" class="stack">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <EmailField view={view} state={state} autocomplete="username" />
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
    </AuthCard>
  );
};

export const SignupPage: FC<{ view: View; state?: FormState }> = ({ view, state = {} }) => {
  const { t } = view;
  const values = state.values ?? {};
  return (
    <AuthCard view={view} title={t.signup.title} lead={t.signup.lead} state={state}>
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
        <EmailField view={view} state={state} autocomplete="email" />
        <NewPasswordField view={view} state={state} label={t.fields.password} />
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
    </AuthCard>
  );
};

export const ForgotPasswordPage: FC<{ view: View; state?: FormState }> = ({ view, state = {} }) => {
  const { t } = view;
  return (
    <AuthCard view={view} title={t.forgot.title} lead={t.forgot.lead} state={state}>
      <form method="post" action="/password/forgot" class="stack">
        <EmailField view={view} state={state} autocomplete="email" />
        <button type="submit" class="button button-primary button-block">
          {t.forgot.submit}
        </button>
      </form>
      <p class="auth-links">
        <a href="/login">{t.forgot.backToLogin}</a>
      </p>
    </AuthCard>
  );
};

export const ResetPasswordPage: FC<{ view: View; token: string; state?: FormState }> = ({
  view,
  token,
  state = {},
}) => {
  const { t } = view;
  return (
    <AuthCard view={view} title={t.reset.title} lead={t.reset.lead} state={state}>
      {token ? (
        <form method="post" action="/password/reset" class="stack">
          <input type="hidden" name="token" value={token} />
          <NewPasswordField view={view} state={state} label={t.fields.newPassword} />
          <button type="submit" class="button button-primary button-block">
            {t.reset.submit}
          </button>
        </form>
      ) : null}
      <p class="auth-links">
        <a href="/password/forgot">{t.reset.requestAgain}</a>
      </p>
    </AuthCard>
  );
};
