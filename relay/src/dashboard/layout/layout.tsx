import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import { assetUrl } from '../assets';
import { LANGS } from '../i18n/index';
import { Notice } from './components';
import { languageHref, type View } from './view';

const NAV = [
  { key: 'overview', href: '/dashboard' },
  { key: 'chatwork', href: '/dashboard/chatwork' },
  { key: 'keys', href: '/dashboard/keys' },
  { key: 'deliveries', href: '/dashboard/deliveries' },
  { key: 'plugin', href: '/dashboard/plugin' },
  { key: 'billing', href: '/dashboard/billing' },
  { key: 'account', href: '/dashboard/account' },
] as const;

const Logo: FC = () => (
  <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
    <rect class="logo-back" x="1" y="1" width="30" height="30" rx="8" />
    <path class="logo-mark" d="M9 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-7l-5 4v-4H9a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z" />
    <path class="logo-check" d="M12 16.5l2.6 2.5 5.4-5.5" />
  </svg>
);

const LanguageSwitch: FC<{ view: View }> = ({ view }) => (
  <nav class="lang-switch" aria-label={view.t.common.language}>
    <ul>
      {LANGS.map((lang) => (
        <li>
          <a
            href={languageHref(view, lang)}
            lang={lang}
            hreflang={lang}
            aria-current={lang === view.lang ? 'true' : undefined}
          >
            {view.t.common.languageNames[lang]}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

const LogoutButton: FC<{ view: View; class?: string }> = ({ view, class: className }) => (
  <form method="post" action="/logout" class="inline-form">
    <button type="submit" class={className ?? 'link-button'}>
      {view.t.common.logout}
    </button>
  </form>
);

const Document: FC<PropsWithChildren<{ view: View; title: string; bodyClass: string }>> = ({
  view,
  title,
  bodyClass,
  children,
}) => (
  <html lang={view.lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="same-origin" />
      <title>{view.t.meta.pageTitle(title)}</title>
      <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
      <link rel="stylesheet" href={assetUrl('dashboard.css')} />
      <script src={assetUrl('dashboard.js')} defer></script>
    </head>
    <body class={bodyClass}>
      <a class="skip-link" href="#main">
        {view.t.common.skipToContent}
      </a>
      {children}
    </body>
  </html>
);

const Footer: FC<{ view: View }> = ({ view }) => (
  <footer class="site-footer">
    <div class="container footer-inner">
      <ul class="footer-links">
        <li>
          <a href="/privacy" aria-current={view.path === '/privacy' ? 'page' : undefined}>
            {view.t.nav.privacy}
          </a>
        </li>
        <li>
          <a href="/contact" aria-current={view.path === '/contact' ? 'page' : undefined}>
            {view.t.nav.contact}
          </a>
        </li>
      </ul>
      <p class="footer-note">{view.t.common.footerNote}</p>
    </div>
  </footer>
);

function currentFor(view: View, href: string): 'page' | 'true' | undefined {
  if (view.path === href) return 'page';
  if (href !== '/dashboard' && view.path.startsWith(`${href}/`)) return 'true';
  return undefined;
}

/** A page of the logged-in dashboard: header with the menu, the page's heading, its content. */
export const AppLayout: FC<PropsWithChildren<{ view: View; title: string; lead?: Child; actions?: Child }>> = ({
  view,
  title,
  lead,
  actions,
  children,
}) => {
  const { t } = view;
  return (
    <Document view={view} title={title} bodyClass="app">
      <header class="site-header">
        <div class="container header-inner">
          <a class="brand" href="/dashboard">
            <Logo />
            <span>{t.meta.productName}</span>
          </a>
          <div class="header-tools">
            {view.viewer ? <span class="tenant-name">{view.viewer.tenantName}</span> : null}
            <LanguageSwitch view={view} />
            <LogoutButton view={view} />
          </div>
        </div>
        <nav class="main-nav" aria-label={t.common.mainNav}>
          <ul class="container">
            {NAV.map((item) => (
              <li>
                <a href={item.href} aria-current={currentFor(view, item.href)}>
                  {t.nav[item.key]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class="container main" tabindex={-1}>
        {view.notice ? <Notice kind="success">{view.notice}</Notice> : null}
        <div class="page-head">
          <div>
            <h1>{title}</h1>
            {lead ? <p class="lead">{lead}</p> : null}
          </div>
          {actions ? <div class="page-actions">{actions}</div> : null}
        </div>
        {children}
      </main>
      <Footer view={view} />
    </Document>
  );
};

/** A page for visitors (login, sign-up, contact, privacy): a slim header and one column. */
export const PublicLayout: FC<PropsWithChildren<{ view: View; title: string; wide?: boolean }>> = ({
  view,
  title,
  wide,
  children,
}) => {
  const { t } = view;
  return (
    <Document view={view} title={title} bodyClass="public">
      <header class="site-header">
        <div class="container header-inner">
          <a class="brand" href={view.viewer ? '/dashboard' : '/login'}>
            <Logo />
            <span>{t.meta.productName}</span>
          </a>
          <div class="header-tools">
            <LanguageSwitch view={view} />
            {view.viewer ? (
              <a href="/dashboard">{t.common.toDashboard}</a>
            ) : (
              <>
                <a href="/login" aria-current={view.path === '/login' ? 'page' : undefined}>
                  {t.common.login}
                </a>
                <a href="/signup" aria-current={view.path === '/signup' ? 'page' : undefined}>
                  {t.common.signup}
                </a>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" class={wide ? 'container main main-wide' : 'container main main-narrow'} tabindex={-1}>
        {view.notice ? <Notice kind="success">{view.notice}</Notice> : null}
        {children}
      </main>
      <Footer view={view} />
    </Document>
  );
};

export { LogoutButton };
