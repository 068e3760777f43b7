import type { SettingsCatalogue } from '../../i18n/settings-messages';
import { problemMessage } from '../messages-for';
import { focusId, slotId } from '../problem-targets';
import type { Problem } from '../validation';
import { h } from './dom';

/** The inline error under a control: `<id>-error`, referenced by the control's aria-describedby. */
export function errorSlot(id: string): HTMLParagraphElement {
  return h('p', {
    id: `${id}-error`,
    'data-testid': `${id}-error`,
    class: 'kintoneplugin-alert k2c-error',
    hidden: true,
  });
}

/** `aria-describedby` for a control with a help text and an error slot. */
export function describedBy(id: string, withHelp = true): string {
  return withHelp ? `${id}-help ${id}-error` : `${id}-error`;
}

/**
 * Shows the given problems in their slots and marks their controls invalid; every other slot in
 * `root` is cleared. Problems whose controls are not on the page (another rule) are skipped.
 */
export function applyProblems(root: ParentNode, problems: readonly Problem[], messages: SettingsCatalogue): void {
  for (const slot of root.querySelectorAll<HTMLElement>('.k2c-error')) {
    slot.textContent = '';
    slot.hidden = true;
  }
  for (const control of root.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const texts = new Map<string, string[]>();
  for (const problem of problems) {
    const id = slotId(problem);
    texts.set(id, [...(texts.get(id) ?? []), problemMessage(problem, messages)]);
    const control = root.querySelector(`#${CSS.escape(focusId(problem))}`) ?? root.querySelector(`#${CSS.escape(id)}`);
    control?.setAttribute('aria-invalid', 'true');
  }
  for (const [id, lines] of texts) {
    const slot = root.querySelector<HTMLElement>(`#${CSS.escape(id)}-error`);
    if (!slot) continue;
    slot.textContent = [...new Set(lines)].join(' ');
    slot.hidden = false;
  }
}
