import { builtInPlaceholders } from '@k2c/rules';
import type { SettingsCatalogue } from '../../i18n/settings-messages';
import { type FieldInfo, matchesFieldQuery } from '../field-catalog';
import { insertAtCursor, placeholderFor } from '../template-insert';
import { openModal } from './dialog';
import { h } from './dom';

interface PickerItem {
  /** What goes between the braces. */
  name: string;
  label: string;
  detail: string;
  /** The app field it stands for (none for built-ins). */
  field?: FieldInfo;
}

function itemButton(item: PickerItem, messages: SettingsCatalogue, choose: (name: string) => void): HTMLLIElement {
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'k2c-picker-item',
        'data-testid': `picker-item-${item.name}`,
        'aria-label': messages.pickerInsert(item.label, item.name),
        onclick: () => choose(item.name),
      },
      h('span', { class: 'k2c-picker-label', text: item.label }),
      h('code', { class: 'k2c-picker-code', text: placeholderFor(item.name) }),
      h('span', { class: 'k2c-picker-type', text: item.detail }),
    ),
  );
}

/**
 * The placeholder picker: a modal listing the app's fields (label, code, type; sub-table columns
 * are not fields of the record the runtime sends) and the built-ins with what they mean. The
 * chosen `{{code}}` replaces the template's selection as it was when the picker opened.
 */
export function openFieldPicker(
  textarea: HTMLTextAreaElement,
  fields: readonly FieldInfo[] | null,
  messages: SettingsCatalogue,
  onInserted: (template: string) => void,
): void {
  const start = textarea.selectionStart;
  const end = textarea.selectionEnd;
  let inserted: number | null = null;

  const fieldItems: PickerItem[] = (fields ?? []).map((field) => ({
    field,
    name: field.code,
    label: field.label,
    detail: messages.fieldTypes[field.type] ?? field.type,
  }));
  const builtInItems: PickerItem[] = builtInPlaceholders.map((name) => ({
    name,
    label: messages.builtIns[name],
    detail: '',
  }));

  const choose = (name: string) => {
    const result = insertAtCursor(textarea.value, start, end, placeholderFor(name));
    textarea.value = result.text;
    inserted = result.cursor;
    onInserted(result.text);
    modal.close();
  };

  const search = h('input', {
    id: 'picker-search',
    'data-testid': 'picker-search',
    class: 'kintoneplugin-input-text k2c-picker-search',
    type: 'search',
    autocomplete: 'off',
  });
  const fieldList = h('ul', { class: 'k2c-picker-list', 'aria-labelledby': 'picker-fields-heading' });
  const builtInList = h('ul', { class: 'k2c-picker-list', 'aria-labelledby': 'picker-builtins-heading' });
  const noMatch = h('p', { class: 'kintoneplugin-desc', text: messages.pickerNoMatch, hidden: true });

  const draw = () => {
    const query = search.value;
    const fieldMatches = fieldItems.filter((item) => (item.field ? matchesFieldQuery(item.field, query) : false));
    const needle = query.trim().toLowerCase();
    const builtInMatches = builtInItems.filter(
      (item) => needle === '' || item.name.toLowerCase().includes(needle) || item.label.toLowerCase().includes(needle),
    );
    fieldList.replaceChildren(...fieldMatches.map((item) => itemButton(item, messages, choose)));
    builtInList.replaceChildren(...builtInMatches.map((item) => itemButton(item, messages, choose)));
    noMatch.hidden = fieldMatches.length + builtInMatches.length > 0;
  };
  search.addEventListener('input', draw);
  draw();

  const closeButton = h(
    'button',
    {
      type: 'button',
      class: 'kintoneplugin-button-dialog-cancel',
      'data-testid': 'picker-close',
      onclick: () => modal.close(),
    },
    messages.pickerClose,
  );

  const modal = openModal({
    title: messages.pickerTitle,
    testid: 'field-picker',
    body: [
      h('p', { class: 'kintoneplugin-desc', text: messages.pickerHelp }),
      h('label', { class: 'k2c-sublabel', for: 'picker-search', text: messages.pickerSearchLabel }),
      h('div', { class: 'kintoneplugin-input-outer k2c-block' }, search),
      h(
        'div',
        { class: 'k2c-picker-scroll' },
        fields === null
          ? h('p', { class: 'kintoneplugin-desc', text: messages.fieldsUnavailable })
          : h('h3', { id: 'picker-fields-heading', class: 'k2c-picker-heading', text: messages.pickerAppFields }),
        fields === null ? null : fieldList,
        h('h3', { id: 'picker-builtins-heading', class: 'k2c-picker-heading', text: messages.pickerBuiltIns }),
        builtInList,
        noMatch,
      ),
      h('div', { class: 'k2c-dialog-actions' }, closeButton),
    ],
    initialFocus: () => search,
    // Back to the template, the caret right after what was inserted.
    returnFocus: () => {
      if (inserted === null) return null;
      const caret = inserted;
      queueMicrotask(() => textarea.setSelectionRange(caret, caret));
      return textarea;
    },
  });
}
