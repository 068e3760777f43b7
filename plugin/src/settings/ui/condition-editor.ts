import { type ConditionOperator, conditionOperators, RULE_LIMITS } from '@k2c/rules';
import type { SettingsCatalogue } from '../../i18n/settings-messages';
import { findField } from '../field-catalog';
import { type FieldKind, fieldKind, needsValue, operatorsFor, splitList, takesList } from '../operators';
import { conditionId, IDS } from '../problem-targets';
import type { ConditionDraft } from '../rule-draft';
import type { PageContext } from './context';
import { checkboxItem, h, options } from './dom';
import { icon } from './icons';
import { errorSlot } from './problems';

/** The words for an operator on this kind of field ("includes" for check boxes, "is after" for dates). */
export function operatorLabel(op: ConditionOperator, kind: FieldKind | null, messages: SettingsCatalogue): string {
  if (kind === 'multi' && messages.multiOps[op]) return messages.multiOps[op] as string;
  if ((kind === 'date' || kind === 'time' || kind === 'datetime') && messages.dateOps[op]) {
    return messages.dateOps[op] as string;
  }
  return messages.ops[op];
}

/** Conditions of the selected rule: match all/any, rows of field · comparison · value, add/remove. */
export function conditionEditor(ctx: PageContext): HTMLElement {
  const { messages } = ctx;
  const fields = ctx.state.fields;
  const usable = (fields ?? []).filter((field) => operatorsFor(field.type).length > 0);
  const rows = h('div', { class: 'k2c-conditions' });
  const addButton = h(
    'button',
    {
      type: 'button',
      id: IDS.addCondition,
      'data-testid': IDS.addCondition,
      class: 'kintoneplugin-button-normal k2c-button-small',
    },
    icon('plus'),
    messages.addCondition,
  );

  const conditions = () => ctx.selectedRule()?.conditions ?? [];
  const save = (list: ConditionDraft[]) => ctx.updateRule({ conditions: list });
  const change = (index: number, patch: Partial<ConditionDraft>) => {
    save(conditions().map((condition, i) => (i === index ? { ...condition, ...patch } : condition)));
  };

  function valueControl(index: number, condition: ConditionDraft): HTMLElement | null {
    const n = index + 1;
    const id = `${conditionId(index)}-value`;
    if (condition.op === '' || !needsValue(condition.op)) return null;
    const field = findField(fields, condition.field);
    const kind = field ? fieldKind(field.type) : null;
    const list = takesList(condition.op);
    const values = Array.isArray(condition.value) ? condition.value : condition.value === '' ? [] : [condition.value];
    if (field && field.options.length > 0 && (kind === 'single' || kind === 'multi')) {
      if (list) {
        // Several options: a group of check boxes.
        return h(
          'fieldset',
          { id, class: 'k2c-fieldset k2c-option-group', tabindex: '-1' },
          h('legend', { class: 'k2c-visually-hidden', text: messages.conditionValue(n) }),
          ...field.options.map((option, optionIndex) => {
            const boxId = `${id}-${optionIndex}`;
            return checkboxItem(
              h('input', {
                type: 'checkbox',
                id: boxId,
                checked: values.includes(option),
                onchange: (event) => {
                  const checked = (event.target as HTMLInputElement).checked;
                  const current = conditions()[index];
                  const now = Array.isArray(current?.value) ? current.value : [];
                  const next = checked ? [...now, option] : now.filter((item) => item !== option);
                  change(index, { value: field.options.filter((item) => next.includes(item)) });
                  ctx.resolve('condition', index);
                },
              }),
              option,
            );
          }),
        );
      }
      return h(
        'div',
        { class: 'kintoneplugin-select-outer' },
        h(
          'div',
          { class: 'kintoneplugin-select' },
          h(
            'select',
            {
              id,
              'aria-label': messages.conditionValue(n),
              onchange: (event) => {
                change(index, { value: (event.target as HTMLSelectElement).value });
                ctx.resolve('condition', index);
              },
              value: values[0] ?? '',
            },
            ...options(
              field.options.map((option) => [option, option] as const),
              messages.chooseOption,
            ),
          ),
        ),
      );
    }
    const inputType = kind === 'date' ? 'date' : kind === 'time' ? 'time' : 'text';
    const hint = list
      ? kind === 'entity'
        ? `${messages.userCodeHint} ${messages.listHint}`
        : messages.listHint
      : kind === 'entity'
        ? messages.userCodeHint
        : kind === 'datetime'
          ? messages.datetimeHint
          : '';
    return h(
      'div',
      { class: 'k2c-value' },
      h('input', {
        id,
        type: inputType,
        class: 'kintoneplugin-input-text',
        'aria-label': messages.conditionValue(n),
        inputmode: kind === 'number' ? 'decimal' : null,
        title: hint === '' ? null : hint,
        placeholder: hint === '' ? null : hint,
        value: values.join(', '),
        maxlength: list ? null : RULE_LIMITS.conditionValueLength,
        oninput: (event) => {
          const text = (event.target as HTMLInputElement).value;
          change(index, { value: list ? splitList(text) : text });
          ctx.resolve('condition', index);
        },
      }),
    );
  }

  function conditionRow(index: number, condition: ConditionDraft): HTMLElement {
    const n = index + 1;
    const base = conditionId(index);
    const opCell = h('div', { class: 'k2c-condition-op' });
    const valueCell = h('div', { class: 'k2c-condition-value' });

    const drawOp = () => {
      const current = conditions()[index];
      if (!current) return;
      const currentField = findField(fields, current.field);
      const currentKind = currentField ? fieldKind(currentField.type) : null;
      const allowed = currentField ? operatorsFor(currentField.type) : fields === null ? [...conditionOperators] : [];
      opCell.replaceChildren(
        h(
          'div',
          { class: 'kintoneplugin-select-outer' },
          h(
            'div',
            { class: 'kintoneplugin-select' },
            h(
              'select',
              {
                id: `${base}-op`,
                'data-testid': `${base}-op`,
                'aria-label': messages.conditionOp(n),
                disabled: allowed.length === 0,
                onchange: (event) => {
                  const op = (event.target as HTMLSelectElement).value as ConditionOperator | '';
                  const before = conditions()[index];
                  const wasList = before?.op !== '' && before?.op !== undefined && takesList(before.op);
                  const isList = op !== '' && takesList(op);
                  // Keep what was typed where it still makes sense.
                  let value = before?.value ?? '';
                  if (wasList !== isList)
                    value = isList
                      ? Array.isArray(value)
                        ? value
                        : splitList(value)
                      : Array.isArray(value)
                        ? (value[0] ?? '')
                        : value;
                  change(index, { op, value });
                  ctx.resolve('condition', index);
                  drawValue();
                },
                value: current.op,
              },
              ...options(
                allowed.map((op) => [op, operatorLabel(op, currentKind, messages)] as const),
                messages.chooseOperator,
              ),
            ),
          ),
        ),
      );
    };
    const drawValue = () => {
      const current = conditions()[index];
      valueCell.replaceChildren(
        ...(current ? [valueControl(index, current)] : []).filter((node): node is HTMLElement => node !== null),
      );
    };

    const fieldSelect = h(
      'select',
      {
        id: `${base}-field`,
        'data-testid': `${base}-field`,
        'aria-label': messages.conditionField(n),
        onchange: (event) => {
          const code = (event.target as HTMLSelectElement).value;
          const next = findField(fields, code);
          const ops = next ? operatorsFor(next.type) : [];
          change(index, { field: code, op: ops[0] ?? '', value: ops[0] === 'in' ? [] : '' });
          ctx.resolve('condition', index);
          drawOp();
          drawValue();
        },
        value: condition.field,
      },
      ...options(
        [
          ...usable.map((item) => [item.code, `${item.label} (${item.code})`] as const),
          // A stored field the app no longer has stays visible, so it can be seen and changed.
          ...(condition.field !== '' && !usable.some((item) => item.code === condition.field)
            ? [[condition.field, condition.field] as const]
            : []),
        ],
        messages.chooseField,
      ),
    );
    drawOp();
    drawValue();
    return h(
      'div',
      { class: 'k2c-condition', 'data-testid': base, role: 'group', 'aria-label': messages.conditionGroup(n) },
      h(
        'div',
        { class: 'k2c-condition-line' },
        h('span', { class: 'k2c-condition-number', 'aria-hidden': 'true', text: String(n) }),
        h(
          'div',
          { class: 'k2c-condition-field' },
          h('div', { class: 'kintoneplugin-select-outer' }, h('div', { class: 'kintoneplugin-select' }, fieldSelect)),
        ),
        opCell,
        valueCell,
        h(
          'button',
          {
            type: 'button',
            class: 'k2c-icon-button',
            'data-testid': `${base}-remove`,
            'aria-label': messages.removeCondition(n),
            title: messages.removeCondition(n),
            onclick: () => {
              save(conditions().filter((_, i) => i !== index));
              ctx.resolve('conditions');
              for (let i = 0; i <= conditions().length; i++) ctx.resolve('condition', i);
              draw();
              const next = rows.querySelector<HTMLElement>(`#${conditionId(index)}-field`) ?? addButton;
              next.focus();
            },
          },
          icon('close'),
        ),
      ),
      errorSlot(base),
    );
  }

  const matchName = 'rule-match';
  const matchGroup = h(
    'fieldset',
    { class: 'k2c-fieldset k2c-match' },
    h('legend', { class: 'k2c-visually-hidden', text: messages.matchLegend }),
    ...(['all', 'any'] as const).map((match) =>
      h(
        'span',
        { class: 'kintoneplugin-input-radio-item' },
        h('input', {
          type: 'radio',
          name: matchName,
          id: `rule-match-${match}`,
          'data-testid': `rule-match-${match}`,
          value: match,
          checked: (ctx.selectedRule()?.match ?? 'all') === match,
          onchange: () => ctx.updateRule({ match }),
        }),
        h('label', { for: `rule-match-${match}`, text: match === 'all' ? messages.matchAll : messages.matchAny }),
      ),
    ),
  );

  function draw(): void {
    const list = conditions();
    rows.replaceChildren(...list.map((condition, index) => conditionRow(index, condition)));
    matchGroup.hidden = list.length < 2;
    addButton.disabled = list.length >= RULE_LIMITS.conditions;
  }

  addButton.addEventListener('click', () => {
    const index = conditions().length;
    save([...conditions(), { field: '', op: '', value: '' }]);
    ctx.resolve('conditions');
    draw();
    rows.querySelector<HTMLElement>(`#${conditionId(index)}-field`)?.focus();
  });
  draw();

  return h(
    'fieldset',
    {
      id: IDS.conditions,
      class: 'kintoneplugin-row k2c-fieldset',
      'aria-describedby': `${IDS.conditions}-help ${IDS.conditions}-error`,
    },
    h('legend', { class: 'kintoneplugin-label', text: messages.conditionsLabel }),
    h('p', { id: `${IDS.conditions}-help`, class: 'kintoneplugin-desc', text: messages.conditionsHelp }),
    matchGroup,
    rows,
    addButton,
    errorSlot(IDS.conditions),
  );
}
