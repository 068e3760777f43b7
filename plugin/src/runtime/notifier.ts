import type { NotificationEvent } from '@k2c/rules';
import { readRuntimeConfig } from '../config/plugin-config';
import { notificationsEndpoint } from '../config/relay-url';
import { type Language, noticeMessages, pickLanguage } from '../i18n/messages';
import { buildNotificationRequest, type NotificationRequest, type PageLocation } from './build-request';
import type { EventBindings } from './events';
import { classifyResponse, readProxyResponse, type SendOutcome } from './outcome';
import { outcomeNotice } from './outcome-notice';
import { readRecordEvent } from './record-event';
import { createSnapshotStore, type SnapshotStore } from './snapshot-store';
import { NOTIFICATION_TIMEOUT_MS, withTimeout } from './timeout';

export interface LoginUser {
  code: string;
  name: string;
  language: string;
}

/** Everything the runtime needs from kintone and the page, so it can run against fakes. */
export interface RuntimeHost {
  pluginId: string;
  getConfig(pluginId: string): Record<string, string> | null;
  proxy(
    pluginId: string,
    url: string,
    method: 'POST',
    headers: Record<string, string>,
    data: NotificationRequest,
  ): PromiseLike<unknown>;
  getLoginUser(): LoginUser;
  /** Used only when the event object carries no app id. */
  getAppId(): number | null;
  getLocation(): PageLocation;
  /** Shows a notice; `carry` is false when kintone stays on this screen after the save (inline edit). */
  notify(message: string, language: Language, carry: boolean): void;
  timeoutMs?: number;
}

export type EventHandler = (event: unknown) => unknown;

export interface Notifier {
  /**
   * Sends a notification when a rule wants one and returns a Promise that always resolves with
   * the event; returns the event itself, synchronously, when there is nothing to send.
   * `staysOnScreen`: kintone does not leave the screen after this save (inline edit).
   */
  handleSaved(event: NotificationEvent, kintoneEvent: unknown, staysOnScreen?: boolean): unknown;
  /** Remembers the record as opened for editing; returns the event unchanged. */
  handleEditShow(kintoneEvent: unknown): unknown;
}

export async function sendRequest(
  host: RuntimeHost,
  relayUrl: string,
  request: NotificationRequest,
): Promise<SendOutcome> {
  const timeoutMs = host.timeoutMs ?? NOTIFICATION_TIMEOUT_MS;
  // Started inside then() so that a synchronous throw of the proxy becomes a rejection too.
  const pending = Promise.resolve().then(() =>
    host.proxy(host.pluginId, notificationsEndpoint(relayUrl), 'POST', { 'Content-Type': 'application/json' }, request),
  );
  const result = await withTimeout(pending, timeoutMs);
  if (result.kind === 'timeout') return { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) };
  // Transport failures reject; HTTP errors of the relay arrive here with their status.
  if (result.kind === 'rejected') return { kind: 'network' };
  const response = readProxyResponse(result.value);
  return response ? classifyResponse(response) : { kind: 'unexpected', status: 0 };
}

export function createNotifier(host: RuntimeHost, snapshots: SnapshotStore = createSnapshotStore()): Notifier {
  const language = (): Language => pickLanguage(host.getLoginUser().language);

  const notify = (message: string, carry: boolean) => {
    try {
      host.notify(message, language(), carry);
    } catch {
      // Nothing left to tell the user with; the save itself is unaffected.
    }
  };

  /** The request to send, or null when no enabled rule wants this event. */
  function prepare(event: NotificationEvent, kintoneEvent: unknown) {
    const config = readRuntimeConfig(host.getConfig(host.pluginId));
    if (config.relayUrl === '' || !config.events.includes(event)) return null;
    const data = readRecordEvent(kintoneEvent);
    const fallbackAppId = host.getAppId();
    const appId = data.appId ?? (fallbackAppId === null ? null : String(fallbackAppId));
    if (appId === null || data.recordId === null) return null;
    const user = host.getLoginUser();
    const request = buildNotificationRequest({
      event,
      appId,
      recordId: data.recordId,
      revision: data.revision,
      record: data.record,
      previous: event === 'edit' ? snapshots.take(data.recordId) : null,
      fields: config.fields,
      user: { code: user.code, name: user.name },
      status: data.status,
      location: host.getLocation(),
    });
    return { request, relayUrl: config.relayUrl };
  }

  return {
    handleSaved(event, kintoneEvent, staysOnScreen = false) {
      const internalError = () => notify(noticeMessages[language()].internal, !staysOnScreen);
      let prepared: ReturnType<typeof prepare>;
      try {
        prepared = prepare(event, kintoneEvent);
      } catch {
        internalError();
        return kintoneEvent;
      }
      // Nothing to send: hand the event straight back, so kintone does not wait at all.
      if (prepared === null) return kintoneEvent;
      const { request, relayUrl } = prepared;
      // Resolve with the event whatever happens: for process.proceed a rejection or `false` would
      // cancel the user's status action, and a save must never wait long on, or fail with, us.
      return sendRequest(host, relayUrl, request)
        .then((outcome) => {
          const notice = outcomeNotice(outcome, language(), relayUrl);
          if (notice) notify(notice, !staysOnScreen);
        })
        .catch(internalError)
        .then(() => kintoneEvent);
    },
    handleEditShow(kintoneEvent) {
      try {
        const config = readRuntimeConfig(host.getConfig(host.pluginId));
        const data = readRecordEvent(kintoneEvent);
        if (data.recordId !== null && data.record !== null && config.fields.length > 0) {
          snapshots.remember(data.recordId, data.record, config.fields);
        }
      } catch {
        // Without a snapshot the edit is sent without `previous`; the relay then treats it as changed.
      }
      return kintoneEvent;
    },
  };
}

/** Registers the notifier on kintone's events for one platform. */
export function registerNotifier(
  on: (events: string | string[], handler: EventHandler) => void,
  bindings: EventBindings,
  notifier: Notifier,
): void {
  for (const [kintoneEvent, event] of bindings.notify) {
    const staysOnScreen = bindings.staysOnScreen.includes(kintoneEvent);
    on(kintoneEvent, (kintoneEventObject) => notifier.handleSaved(event, kintoneEventObject, staysOnScreen));
  }
  on([...bindings.editShow], (kintoneEventObject) => notifier.handleEditShow(kintoneEventObject));
}
