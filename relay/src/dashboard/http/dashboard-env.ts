import type { AppEnv } from '../../http/app-env';
import type { SessionUser } from '../../services/sessions';
import type { Lang, Messages } from '../i18n/index';

/** What the dashboard's middleware hands to its pages. */
export interface DashboardEnv {
  Variables: AppEnv['Variables'] & {
    lang: Lang;
    t: Messages;
    /** The logged-in user on pages anyone may open (contact, privacy); undefined when logged out. */
    viewer: SessionUser | undefined;
  };
}
