import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import { submitInquiry } from '../../services/inquiries';
import type { DashboardEnv } from '../http/dashboard-env';
import { readForm } from '../http/form';
import { render, seeOther } from '../http/render';
import { checkEmail, checkText, hasErrors } from '../http/validate';
import { viewOf } from '../layout/view';
import { CONTACT_LIMITS, ContactPage, ContactThanksPage, PrivacyPage } from '../pages/public-pages';

/** Pages for everyone, logged in or not: the contact form and the privacy policy. */
export function registerPublicRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  app.get('/contact', (c) => {
    const viewer = c.var.viewer;
    const state = viewer ? { values: { email: viewer.email } } : {};
    return render(c, <ContactPage view={viewOf(c, '/contact')} state={state} />);
  });

  app.post('/contact', async (c) => {
    const { t, viewer } = c.var;
    const form = await readForm(c);
    const values = { name: form.name, email: form.email, message: form.message };
    const errors = {
      name: checkText(form.name, CONTACT_LIMITS.name, t),
      email: checkEmail(form.email, t),
      message: checkText(form.message, CONTACT_LIMITS.message, t),
    };
    if (hasErrors(errors))
      return render(c, <ContactPage view={viewOf(c, '/contact')} state={{ values, errors }} />, 400);
    const inquiry = await submitInquiry(deps.db, {
      name: (form.name ?? '').trim(),
      email: (form.email ?? '').trim(),
      message: (form.message ?? '').trim(),
      tenantId: viewer?.tenantId,
    });
    deps.logger.info('inquiry received', { inquiryId: inquiry.id, tenantId: viewer?.tenantId, via: 'dashboard' });
    return seeOther(c, '/contact/thanks');
  });

  app.get('/contact/thanks', (c) => render(c, <ContactThanksPage view={viewOf(c, '/contact/thanks')} />));

  app.get('/privacy', (c) => render(c, <PrivacyPage view={viewOf(c, '/privacy')} />));
}
