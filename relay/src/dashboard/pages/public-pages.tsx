import type { FC } from 'hono/jsx';
import { privacyContent } from '../i18n/privacy';
import { Field, TextArea } from '../layout/components';
import { PublicLayout } from '../layout/layout';
import type { View } from '../layout/view';
import { AuthCard, EmailField, type FormState } from './auth-pages';

export const CONTACT_LIMITS = { name: 100, message: 5_000 } as const;

export const ContactPage: FC<{ view: View; state?: FormState }> = ({ view, state = {} }) => {
  const { t } = view;
  const values = state.values ?? {};
  return (
    <AuthCard view={view} title={t.contact.title} lead={t.contact.lead} state={state} wide>
      <form method="post" action="/contact" class="stack">
        <Field
          t={t}
          id="name"
          label={t.fields.name}
          value={values.name}
          error={state.errors?.name}
          autocomplete="name"
          required
          maxlength={CONTACT_LIMITS.name}
        />
        <EmailField view={view} state={state} autocomplete="email" />
        <TextArea
          t={t}
          id="message"
          label={t.fields.message}
          value={values.message}
          error={state.errors?.message}
          required
          maxlength={CONTACT_LIMITS.message}
          rows={8}
        />
        <p class="hint">
          {t.contact.privacyNote} <a href="/privacy">{t.nav.privacy}</a>
        </p>
        <div>
          <button type="submit" class="button button-primary">
            {t.contact.submit}
          </button>
        </div>
      </form>
    </AuthCard>
  );
};

export const ContactThanksPage: FC<{ view: View }> = ({ view }) => {
  const { t } = view;
  return (
    <PublicLayout view={view} title={t.contact.thanksTitle}>
      <div class="card auth-card">
        <h1>{t.contact.thanksTitle}</h1>
        <p>{t.contact.thanksBody}</p>
        <p>
          <a class="button button-secondary" href={view.viewer ? '/dashboard' : '/'}>
            {t.contact.backHome}
          </a>
        </p>
      </div>
    </PublicLayout>
  );
};

export const PrivacyPage: FC<{ view: View }> = ({ view }) => {
  const content = privacyContent[view.lang];
  return (
    <PublicLayout view={view} title={content.title} wide>
      <article class="card prose">
        <h1>{content.title}</h1>
        <p class="hint">{content.updated}</p>
        <p class="lead">{content.intro}</p>
        {content.sections.map((section) => (
          <section>
            <h2>{section.heading}</h2>
            {section.retention ? (
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{content.retentionHeads[0]}</th>
                      <th scope="col">{content.retentionHeads[1]}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {section.retention.map(([what, howLong]) => (
                      <tr>
                        <td>{what}</td>
                        <td>{howLong}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {section.items ? (
              <ul class="bullets">
                {section.items.map((item) => (
                  <li>{item}</li>
                ))}
              </ul>
            ) : null}
            {section.paragraphs?.map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </section>
        ))}
        <p>
          <a href="/contact">{view.t.nav.contact}</a>
        </p>
      </article>
    </PublicLayout>
  );
};
