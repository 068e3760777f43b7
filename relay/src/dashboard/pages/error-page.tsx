import type { FC } from 'hono/jsx';
import { PublicLayout } from '../layout/layout';
import type { View } from '../layout/view';

export const ErrorPage: FC<{ view: View; title: string; message: string }> = ({ view, title, message }) => (
  <PublicLayout view={view} title={title}>
    <div class="card error-card">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a class="button button-secondary" href={view.viewer ? '/dashboard' : '/'}>
          {view.t.errorPage.home}
        </a>
      </p>
    </div>
  </PublicLayout>
);
