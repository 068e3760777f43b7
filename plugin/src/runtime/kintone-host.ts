import type { Language } from '../i18n/messages';
import type { NotificationRequest } from './build-request';
import { desktopEvents, type EventBindings, mobileEvents } from './events';
import { type ShowNotification, showNotice } from './notice';
import { type CarriedNotice, createNoticeHandoff } from './notice-carry';
import { createNotifier, type RuntimeHost, registerNotifier } from './notifier';

/** What differs between kintone's desktop and mobile screens. One object per entry file keeps
 * the other platform's code out of each bundle. */
export interface Platform {
  events: EventBindings;
  getAppId(): number | null;
  showNotification(): ShowNotification | undefined;
}

export const desktopPlatform: Platform = {
  events: desktopEvents,
  getAppId: () => kintone.app.getId(),
  showNotification: () => kintone.showNotification,
};

export const mobilePlatform: Platform = {
  events: mobileEvents,
  getAppId: () => kintone.mobile.app.getId(),
  showNotification: () => kintone.mobile.showNotification,
};

function stringRecord(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null) return null;
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') result[key] = item;
  return result;
}

/** The adapter from the global `kintone` object to RuntimeHost. The only runtime code that touches it. */
export function kintoneRuntimeHost(
  pluginId: string,
  platform: Platform,
  onNotice: (notice: CarriedNotice, carry: boolean) => void = () => {},
): RuntimeHost {
  return {
    pluginId,
    getConfig: (id) => stringRecord(kintone.plugin.app.getConfig(id)),
    proxy: (id: string, url: string, method: 'POST', headers: Record<string, string>, data: NotificationRequest) =>
      kintone.plugin.app.proxy(id, url, method, headers, data),
    getLoginUser: () => kintone.getLoginUser(),
    getAppId: () => platform.getAppId(),
    getLocation: () => ({ origin: window.location.origin, pathname: window.location.pathname }),
    notify: (message, language: Language, carry) => {
      showNotice(message, language, platform.showNotification(), document);
      onNotice({ message, language, at: Date.now() }, carry);
    },
  };
}

/** Called by the thin entry files with the plug-in id they captured at load time. */
export function startRuntime(pluginId: string, platform: Platform): void {
  const on = (events: string | string[], handler: (event: unknown) => unknown) => kintone.events.on(events, handler);
  const handoff = createNoticeHandoff(() => window.sessionStorage, Date.now());
  window.addEventListener('pagehide', () => handoff.leave(Date.now()));
  on([...platform.events.landing], (event) => {
    const notice = handoff.land(Date.now());
    if (notice) showNotice(notice.message, notice.language, platform.showNotification(), document);
    return event;
  });
  const host = kintoneRuntimeHost(pluginId, platform, (notice, carry) => handoff.raised(notice, carry));
  registerNotifier(on, platform.events, createNotifier(host));
}
