import { changeableFields } from '../field-catalog';
import { splitList } from '../operators';
import { changedFieldId, IDS } from '../problem-targets';
import type { PageContext } from './context';
import { checkboxItem, h } from './dom';
import { errorSlot } from './problems';

export interface ChangedFieldsEditor {
  element: HTMLElement;
  /** Shows or hides the "only used for Edited" note after the events changed. */
  refresh(): void;
}

/** "Only when these fields changed": check boxes of the fields a user edits (a text box without the field list). */
export function changedFieldsEditor(ctx: PageContext): ChangedFieldsEditor {
  const { messages } = ctx;
  const selected = () => ctx.selectedRule()?.changedFields ?? [];
  const note = h('p', {
    class: 'kintoneplugin-desc k2c-note',
    'data-testid': 'changed-needs-edit',
    text: messages.changedNeedsEdit,
  });

  let body: HTMLElement;
  if (ctx.state.fields === null) {
    body = h(
      'div',
      { class: 'kintoneplugin-input-outer' },
      h('input', {
        id: changedFieldId(0),
        class: 'kintoneplugin-input-text k2c-wide',
        type: 'text',
        'aria-labelledby': `${IDS.changedFields}-legend`,
        value: selected().join(', '),
        oninput: (event) => {
          ctx.updateRule({ changedFields: splitList((event.target as HTMLInputElement).value) });
          ctx.resolve('changedFields');
        },
      }),
    );
  } else {
    const offered = changeableFields(ctx.state.fields);
    // A stored code the app no longer has stays listed, so it can be unticked.
    const missing = selected().filter((code) => !offered.some((field) => field.code === code));
    const items = [
      ...offered.map((field) => [field.code, `${field.label} (${field.code})`] as const),
      ...missing.map((code) => [code, code] as const),
    ];
    body =
      items.length === 0
        ? h('p', { class: 'kintoneplugin-desc', text: messages.changedNoFields })
        : h(
            'div',
            { class: 'k2c-check-grid' },
            ...items.map(([code, label], index) =>
              checkboxItem(
                h('input', {
                  type: 'checkbox',
                  id: changedFieldId(index),
                  'data-testid': `rule-changed-${code}`,
                  value: code,
                  checked: selected().includes(code),
                  onchange: (event) => {
                    const checked = (event.target as HTMLInputElement).checked;
                    const next = checked ? [...selected(), code] : selected().filter((item) => item !== code);
                    // Keep the form's order, whatever order they were ticked in.
                    ctx.updateRule({
                      changedFields: items.map(([item]) => item).filter((item) => next.includes(item)),
                    });
                    ctx.resolve('changedFields');
                  },
                }),
                label,
              ),
            ),
          );
  }

  const refresh = () => {
    note.hidden = (ctx.selectedRule()?.events ?? []).includes('edit');
  };
  refresh();
  const element = h(
    'fieldset',
    {
      id: IDS.changedFields,
      class: 'kintoneplugin-row k2c-fieldset',
      'aria-describedby': `${IDS.changedFields}-help ${IDS.changedFields}-error`,
    },
    h('legend', { id: `${IDS.changedFields}-legend`, class: 'kintoneplugin-label', text: messages.changedLabel }),
    h('p', { id: `${IDS.changedFields}-help`, class: 'kintoneplugin-desc', text: messages.changedHelp }),
    note,
    body,
    errorSlot(IDS.changedFields),
  );
  return { element, refresh };
}
