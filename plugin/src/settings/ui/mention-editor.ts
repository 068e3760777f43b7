import { RULE_LIMITS } from '@k2c/rules';
import { userFields } from '../field-catalog';
import { IDS, userMapRowId } from '../problem-targets';
import type { UserMapRow } from '../rule-draft';
import type { PageContext } from './context';
import { checkboxLine, h, options } from './dom';
import { icon } from './icons';
import { describedBy, errorSlot } from './problems';

/**
 * Mentions of the selected rule: fixed ChatWork account ids, [toall], and the users of a
 * user-selection field, mapped from kintone user codes to ChatWork account ids in a small table.
 */
export function mentionEditor(ctx: PageContext): HTMLElement {
  const { messages } = ctx;
  const rule = ctx.selectedRule();
  const rows = () => ctx.selectedRule()?.userMap ?? [];
  const saveRows = (list: UserMapRow[]) => ctx.updateRule({ userMap: list });

  const ids = h('input', {
    id: IDS.mentionIds,
    'data-testid': IDS.mentionIds,
    class: 'kintoneplugin-input-text k2c-wide',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: '1234567, 7654321',
    'aria-describedby': describedBy(IDS.mentionIds),
    value: rule?.mentionIds ?? '',
    oninput: (event) => {
      ctx.updateRule({ mentionIds: (event.target as HTMLInputElement).value });
      ctx.resolve('mentionIds');
    },
  });

  const toAll = h('input', {
    type: 'checkbox',
    id: 'rule-to-all',
    'data-testid': 'rule-to-all',
    checked: rule?.toAll ?? false,
    onchange: (event) => ctx.updateRule({ toAll: (event.target as HTMLInputElement).checked }),
  });

  const candidates = userFields(ctx.state.fields ?? []);
  const stored = rule?.userField ?? '';
  const userField = h(
    'select',
    {
      id: IDS.userField,
      'data-testid': IDS.userField,
      'aria-describedby': describedBy(IDS.userField),
      value: stored,
    },
    ...options([
      ['', messages.userFieldNone],
      ...candidates.map((field) => [field.code, `${field.label} (${field.code})`] as const),
      ...(stored !== '' && !candidates.some((field) => field.code === stored) ? [[stored, stored] as const] : []),
    ]),
  );

  const table = h('tbody');
  const mapBlock = h('div', {
    id: IDS.userMap,
    class: 'k2c-user-map',
    role: 'group',
    'aria-labelledby': 'user-map-label',
  });
  const addRow = h(
    'button',
    {
      type: 'button',
      id: IDS.addUserMap,
      'data-testid': IDS.addUserMap,
      class: 'kintoneplugin-button-normal k2c-button-small',
    },
    icon('plus'),
    messages.addUserMap,
  );

  function rowInput(index: number, part: 'code' | 'accountId', row: UserMapRow): HTMLInputElement {
    const n = index + 1;
    return h('input', {
      id: `${userMapRowId(index)}-${part}`,
      'data-testid': `${userMapRowId(index)}-${part}`,
      class: 'kintoneplugin-input-text',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      inputmode: part === 'accountId' ? 'numeric' : null,
      'aria-label': part === 'code' ? messages.userMapCodeRow(n) : messages.userMapAccountRow(n),
      'aria-describedby': `${userMapRowId(index)}-error`,
      value: row[part],
      oninput: (event) => {
        const value = (event.target as HTMLInputElement).value;
        saveRows(rows().map((item, i) => (i === index ? { ...item, [part]: value } : item)));
        ctx.resolve('userMapRow', index);
      },
    });
  }

  function draw(): void {
    const list = rows();
    table.replaceChildren(
      ...list.flatMap((row, index) => [
        h(
          'tr',
          { 'data-testid': userMapRowId(index) },
          h('td', {}, rowInput(index, 'code', row)),
          h('td', {}, rowInput(index, 'accountId', row)),
          h(
            'td',
            { class: 'k2c-cell-action' },
            h(
              'button',
              {
                type: 'button',
                class: 'k2c-icon-button',
                'data-testid': `${userMapRowId(index)}-remove`,
                'aria-label': messages.removeUserMap(index + 1),
                title: messages.removeUserMap(index + 1),
                onclick: () => {
                  saveRows(rows().filter((_, i) => i !== index));
                  for (let i = 0; i <= rows().length; i++) ctx.resolve('userMapRow', i);
                  draw();
                  (table.querySelector<HTMLElement>(`#${userMapRowId(index)}-code`) ?? addRow).focus();
                },
              },
              icon('close'),
            ),
          ),
        ),
        h('tr', { class: 'k2c-error-row' }, h('td', { colspan: '3' }, errorSlot(userMapRowId(index)))),
      ]),
    );
    mapBlock.hidden = userField.value === '' && list.length === 0;
    addRow.disabled = list.length >= RULE_LIMITS.userMapEntries;
  }

  userField.addEventListener('change', () => {
    ctx.updateRule({ userField: userField.value });
    ctx.resolve('userField');
    if (userField.value !== '' && rows().length === 0) saveRows([{ code: '', accountId: '' }]);
    draw();
  });
  addRow.addEventListener('click', () => {
    const index = rows().length;
    saveRows([...rows(), { code: '', accountId: '' }]);
    ctx.resolve('userMap');
    draw();
    table.querySelector<HTMLElement>(`#${userMapRowId(index)}-code`)?.focus();
  });

  mapBlock.append(
    h('p', { id: 'user-map-label', class: 'k2c-sublabel', text: messages.userMapLabel }),
    h(
      'table',
      { class: 'kintoneplugin-table k2c-user-map-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h(
            'th',
            { class: 'kintoneplugin-table-th', scope: 'col' },
            h('span', { class: 'title', text: messages.userMapCode }),
          ),
          h(
            'th',
            { class: 'kintoneplugin-table-th', scope: 'col' },
            h('span', { class: 'title', text: messages.userMapAccount }),
          ),
          h(
            'th',
            { class: 'kintoneplugin-table-th k2c-cell-action', scope: 'col' },
            h('span', { class: 'k2c-visually-hidden', text: messages.colActions }),
          ),
        ),
      ),
      table,
    ),
    addRow,
    errorSlot(IDS.userMap),
  );
  draw();

  return h(
    'fieldset',
    { class: 'kintoneplugin-row k2c-fieldset k2c-mentions' },
    h('legend', { class: 'kintoneplugin-label', text: messages.mentionsLabel }),
    h('label', { class: 'k2c-sublabel', for: IDS.mentionIds, text: messages.mentionIdsLabel }),
    h('p', { id: `${IDS.mentionIds}-help`, class: 'kintoneplugin-desc', text: messages.mentionIdsHelp }),
    h('div', { class: 'kintoneplugin-input-outer' }, ids),
    errorSlot(IDS.mentionIds),
    checkboxLine(toAll, messages.toAllLabel),
    h('label', { class: 'k2c-sublabel', for: IDS.userField, text: messages.userFieldLabel }),
    h('p', { id: `${IDS.userField}-help`, class: 'kintoneplugin-desc', text: messages.userFieldHelp }),
    h('div', { class: 'kintoneplugin-select-outer' }, h('div', { class: 'kintoneplugin-select' }, userField)),
    errorSlot(IDS.userField),
    mapBlock,
  );
}
