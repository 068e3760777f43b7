// Field inputs and value display shared by the record form and the list's inline edit.
(() => {
  const lib = window.__kintoneSimLib;

  const TEXT_INPUTS = { SINGLE_LINE_TEXT: 'text', LINK: 'text', NUMBER: 'number', DATE: 'date', TIME: 'time' };
  const TEXTAREAS = ['MULTI_LINE_TEXT', 'RICH_TEXT'];
  const SELECTS = ['DROP_DOWN', 'RADIO_BUTTON'];
  const EDITABLE = [
    ...Object.keys(TEXT_INPUTS),
    ...TEXTAREAS,
    ...SELECTS,
    'DATETIME',
    'CHECK_BOX',
    'MULTI_SELECT',
    'USER_SELECT',
  ];
  // Sent back unchanged on save although the form cannot edit them, as kintone's screens keep them.
  const CARRIED = ['SUBTABLE', 'ORGANIZATION_SELECT', 'GROUP_SELECT'];

  function isEditable(field) {
    return EDITABLE.includes(field.type);
  }

  /** UTC `YYYY-MM-DDTHH:MM:00Z` ↔ the browser's local `YYYY-MM-DDTHH:MM` of a datetime-local input. */
  function toLocalDateTime(value) {
    if (!value) return '';
    const date = new Date(value);
    const offset = date.getTimezoneOffset() * 60000;
    return new Date(date.getTime() - offset).toISOString().slice(0, 16);
  }

  function fromLocalDateTime(value) {
    return value ? `${new Date(value).toISOString().slice(0, 16)}:00Z` : '';
  }

  function createInput(field, value, id) {
    let input;
    if (TEXT_INPUTS[field.type]) {
      input = document.createElement('input');
      input.type = TEXT_INPUTS[field.type];
      if (field.type === 'NUMBER') input.step = 'any';
      input.value = value ?? '';
    } else if (TEXTAREAS.includes(field.type)) {
      input = document.createElement('textarea');
      input.value = value ?? '';
    } else if (field.type === 'DATETIME') {
      input = document.createElement('input');
      input.type = 'datetime-local';
      input.value = toLocalDateTime(value);
    } else if (SELECTS.includes(field.type) || field.type === 'MULTI_SELECT') {
      input = document.createElement('select');
      input.multiple = field.type === 'MULTI_SELECT';
      const options = field.type === 'DROP_DOWN' ? ['', ...(field.options || [])] : field.options || [];
      for (const option of options) {
        const element = new Option(option === '' ? '-----' : option, option);
        element.selected = Array.isArray(value) ? value.includes(option) : value === option;
        input.append(element);
      }
    } else if (field.type === 'CHECK_BOX') {
      input = document.createElement('fieldset');
      input.className = 'sim-checkboxes';
      for (const option of field.options || []) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = option;
        box.checked = (value || []).includes(option);
        label.append(box, ` ${option}`);
        input.append(label);
      }
    } else if (field.type === 'USER_SELECT') {
      // A plain list of user codes stands in for kintone's user picker.
      input = document.createElement('input');
      input.type = 'text';
      input.placeholder = 'user codes, comma-separated';
      input.value = (value || []).map((user) => user.code).join(', ');
    } else {
      input = document.createElement('span');
      input.className = 'sim-field-value';
      input.textContent = displayValue(field, value);
      return input;
    }
    input.name = field.code;
    input.classList.add('sim-input');
    if (id) input.id = id;
    return input;
  }

  function readInput(field, input) {
    if (field.type === 'CHECK_BOX') {
      return [...input.querySelectorAll('input[type="checkbox"]')].filter((box) => box.checked).map((box) => box.value);
    }
    if (field.type === 'MULTI_SELECT') return [...input.selectedOptions].map((option) => option.value);
    if (field.type === 'USER_SELECT') {
      return input.value
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean)
        .map((code) => ({ code }));
    }
    if (field.type === 'DATETIME') return fromLocalDateTime(input.value);
    return input.value;
  }

  function displayValue(field, value) {
    if (value === null || value === undefined) return '';
    if (field.type === 'SUBTABLE') return `${value.length} 行 / rows`;
    if (field.type === 'FILE') return value.map((file) => file.name).join(', ');
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? item.name : item)).join(', ');
    if (typeof value === 'object') return value.name ?? '';
    return String(value);
  }

  /** One labelled row per field, each wrapper carrying a stable data-field-code. */
  function renderForm(container, fields, record) {
    container.replaceChildren();
    for (const field of fields) {
      const row = document.createElement('div');
      row.className = 'sim-field';
      row.dataset.fieldCode = field.code;
      row.dataset.fieldType = field.type;
      const id = `sim-field-${field.code}`;
      const label = document.createElement(field.type === 'CHECK_BOX' ? 'span' : 'label');
      label.className = 'sim-field-label';
      label.textContent = field.label;
      if (field.type !== 'CHECK_BOX') label.htmlFor = id;
      const input = createInput(field, record[field.code]?.value, id);
      if (field.type === 'CHECK_BOX') input.setAttribute('aria-label', field.label);
      const error = document.createElement('div');
      error.className = 'sim-field-error';
      error.hidden = true;
      row.append(label, input, error);
      container.append(row);
    }
  }

  /** The form's values over `base` (fields the form cannot edit keep their values). */
  function readForm(container, fields, base) {
    const record = lib.clone(base);
    for (const field of fields) {
      if (!isEditable(field)) continue;
      const input = container.querySelector(
        `[data-field-code="${CSS.escape(field.code)}"] [name="${CSS.escape(field.code)}"]`,
      );
      if (input) record[field.code] = { ...record[field.code], type: field.type, value: readInput(field, input) };
    }
    return record;
  }

  /** Shows `record[code].error` set by a handler under its field; returns whether any was shown. */
  function showFieldErrors(container, record) {
    let shown = false;
    for (const row of container.querySelectorAll('.sim-field')) {
      const message = record?.[row.dataset.fieldCode]?.error;
      const area = row.querySelector('.sim-field-error');
      area.hidden = !message;
      area.textContent = message || '';
      shown = shown || Boolean(message);
    }
    return shown;
  }

  /** The REST `record` parameter: the values of the app's own fields, without types or built-ins. */
  function writableValues(fields, record) {
    const values = {};
    for (const field of fields) {
      if (!record[field.code] || !(isEditable(field) || CARRIED.includes(field.type))) continue;
      values[field.code] = { value: record[field.code].value };
    }
    return values;
  }

  lib.form = {
    isEditable,
    createInput,
    readInput,
    displayValue,
    renderForm,
    readForm,
    showFieldErrors,
    writableValues,
  };
})();
