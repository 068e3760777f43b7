import type { NotificationEvent } from '@k2c/rules';
import type { Language, SettingsCatalogue } from '../i18n/messages';
import { problemMessage, type SettingsField, type SettingsProblem } from './validate';
import type { SettingsFormValues } from './values';

/** Element ids (also the data-testid values) the browser tests drive. */
export const FORM_IDS = {
  form: 'k2c-settings-form',
  relayUrl: 'relay-url',
  connectionKey: 'connection-key',
  connectionKeyStored: 'connection-key-stored',
  ruleName: 'rule-name',
  events: 'rule-events',
  eventCreate: 'rule-event-create',
  eventEdit: 'rule-event-edit',
  eventStatus: 'rule-event-status',
  roomId: 'rule-room-id',
  template: 'rule-template',
  enabled: 'rule-enabled',
  save: 'save',
  cancel: 'cancel',
  status: 'settings-status',
  notice: 'settings-notice',
} as const;

const EVENT_INPUTS: ReadonlyArray<readonly [NotificationEvent, string]> = [
  ['create', FORM_IDS.eventCreate],
  ['edit', FORM_IDS.eventEdit],
  ['status', FORM_IDS.eventStatus],
];

/** The control that receives focus for a field's problem; its error text sits in `<id>-error`. */
const FIELD_IDS: Record<SettingsField, string> = {
  relayUrl: FORM_IDS.relayUrl,
  connectionKey: FORM_IDS.connectionKey,
  ruleName: FORM_IDS.ruleName,
  events: FORM_IDS.events,
  roomId: FORM_IDS.roomId,
  template: FORM_IDS.template,
};

function element<T extends HTMLElement>(root: ParentNode, id: string, type: { new (): T }): T {
  const found = root.querySelector(`#${id}`);
  if (!(found instanceof type)) throw new Error(`The settings form has no ${type.name} #${id}`);
  return found;
}

const input = (root: ParentNode, id: string) => element(root, id, HTMLInputElement);

/** Fills every `data-i18n` element with its text from the catalogue. */
export function localize(root: HTMLElement, messages: SettingsCatalogue, language: Language): void {
  root.lang = language;
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n as keyof SettingsCatalogue;
    const text = messages[key];
    if (typeof text === 'string') node.textContent = text;
  }
}

export function writeFormValues(root: ParentNode, values: SettingsFormValues): void {
  input(root, FORM_IDS.relayUrl).value = values.relayUrl;
  input(root, FORM_IDS.connectionKey).value = values.connectionKey;
  input(root, FORM_IDS.ruleName).value = values.ruleName;
  for (const [event, id] of EVENT_INPUTS) input(root, id).checked = values.events.includes(event);
  input(root, FORM_IDS.roomId).value = values.roomId;
  element(root, FORM_IDS.template, HTMLTextAreaElement).value = values.template;
  input(root, FORM_IDS.enabled).checked = values.enabled;
}

export function readFormValues(root: ParentNode): SettingsFormValues {
  return {
    relayUrl: input(root, FORM_IDS.relayUrl).value,
    connectionKey: input(root, FORM_IDS.connectionKey).value,
    ruleName: input(root, FORM_IDS.ruleName).value,
    events: EVENT_INPUTS.filter(([, id]) => input(root, id).checked).map(([event]) => event),
    roomId: input(root, FORM_IDS.roomId).value,
    template: element(root, FORM_IDS.template, HTMLTextAreaElement).value,
    enabled: input(root, FORM_IDS.enabled).checked,
  };
}

/** Shows the stored key masked, or hides the note when there is none. */
export function showStoredKey(root: ParentNode, text: string | null): void {
  const note = element(root, FORM_IDS.connectionKeyStored, HTMLElement);
  note.textContent = text ?? '';
  note.hidden = text === null;
}

export function showProblems(
  root: ParentNode,
  problems: readonly SettingsProblem[],
  messages: SettingsCatalogue,
): void {
  for (const [field, id] of Object.entries(FIELD_IDS) as [SettingsField, string][]) {
    const control = element(root, id, HTMLElement);
    const error = element(root, `${id}-error`, HTMLElement);
    const messagesForField = problems
      .filter((problem) => problem.field === field)
      .map((p) => problemMessage(p, messages));
    error.textContent = messagesForField.join(' ');
    error.hidden = messagesForField.length === 0;
    if (messagesForField.length > 0) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  const first = problems[0];
  if (first) {
    const id = first.field === 'events' ? FORM_IDS.eventCreate : FIELD_IDS[first.field];
    element(root, id, HTMLElement).focus();
  }
}

export type StatusKind = 'info' | 'error' | 'success';

export function setStatus(root: ParentNode, text: string, kind: StatusKind = 'info'): void {
  const status = element(root, FORM_IDS.status, HTMLElement);
  status.textContent = text;
  status.dataset.kind = kind;
  status.hidden = text === '';
}

export function setNotice(root: ParentNode, text: string | null): void {
  const notice = element(root, FORM_IDS.notice, HTMLElement);
  notice.textContent = text ?? '';
  notice.hidden = text === null;
}

export function setBusy(root: ParentNode, busy: boolean): void {
  element(root, FORM_IDS.save, HTMLButtonElement).disabled = busy;
  element(root, FORM_IDS.cancel, HTMLButtonElement).disabled = busy;
  if (root instanceof HTMLElement) root.setAttribute('aria-busy', String(busy));
}

/** Save is the form's submit button, so Enter in a text input saves too. */
export function onSave(root: ParentNode, handler: () => void): void {
  element(root, FORM_IDS.form, HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    handler();
  });
}

export function onCancel(root: ParentNode, handler: () => void): void {
  element(root, FORM_IDS.cancel, HTMLButtonElement).addEventListener('click', (event) => {
    event.preventDefault();
    handler();
  });
}
