// The record list, with the desktop-only inline edit.
(() => {
  const lib = window.__kintoneSimLib;
  const { page, clone, form } = lib;
  const { fields, button, exclusive, fire, saveSequence } = lib.screen;
  const $ = (id) => document.getElementById(id);

  // Columns of the record list: fields whose value fits in a cell.
  const LIST_HIDDEN_TYPES = ['SUBTABLE', 'FILE', 'RICH_TEXT', 'MULTI_LINE_TEXT'];
  const columns = fields.filter((field) => !LIST_HIDDEN_TYPES.includes(field.type));
  let inlineEditing = false;

  function renderHead() {
    const cell = (text, code) => {
      const th = document.createElement('th');
      th.textContent = text;
      if (code) th.dataset.fieldCode = code;
      return th;
    };
    const row = document.createElement('tr');
    row.append(cell(''), cell(page.app.codes.RECORD_NUMBER), ...columns.map((field) => cell(field.label, field.code)));
    $('sim-record-head').replaceChildren(row);
  }

  function renderRow(row, record) {
    const recordId = record.$id.value;
    row.dataset.recordId = recordId;
    const actions = document.createElement('td');
    actions.className = 'sim-row-actions';
    const open = document.createElement('a');
    open.href = lib.path(page.paths.detail, recordId);
    open.dataset.testid = `open-${recordId}`;
    open.textContent = '詳細 / Open';
    actions.append(open);
    // There is no inline edit on kintone's mobile list.
    if (!page.mobile) {
      actions.append(button('編集 / Edit', `inline-edit-${recordId}`, () => startInlineEdit(row, record)));
    }
    const number = document.createElement('td');
    number.textContent = record[page.app.codes.RECORD_NUMBER]?.value ?? recordId;
    const cells = columns.map((field) => {
      const cell = document.createElement('td');
      cell.dataset.fieldCode = field.code;
      cell.textContent = form.displayValue(field, record[field.code]?.value);
      return cell;
    });
    row.replaceChildren(actions, number, ...cells);
  }

  function readRow(row, record) {
    const edited = clone(record);
    for (const field of columns) {
      const input = form.isEditable(field) && row.querySelector(`[name="${CSS.escape(field.code)}"]`);
      if (input) edited[field.code] = { ...edited[field.code], type: field.type, value: form.readInput(field, input) };
    }
    return edited;
  }

  async function startInlineEdit(row, record) {
    if (inlineEditing) return;
    inlineEditing = true;
    lib.clearRecordError();
    const recordId = record.$id.value;
    for (const field of columns.filter(form.isEditable)) {
      const input = form.createInput(field, record[field.code]?.value);
      input.setAttribute('aria-label', field.label);
      row.querySelector(`td[data-field-code="${CSS.escape(field.code)}"]`).replaceChildren(input);
    }
    const finish = (next) => {
      inlineEditing = false;
      renderRow(row, next);
    };
    const save = exclusive(async () => {
      lib.clearRecordError();
      const result = await saveSequence('app.record.index.edit', {
        recordId,
        revision: record.$revision.value,
        record: readRow(row, record),
        container: null,
      });
      if (!result) return undefined;
      if (result.success.failed) return 'done';
      if (result.success.event.url) {
        lib.navigate(result.success.event.url);
        return 'done';
      }
      // The list stays; the row shows the saved values.
      finish(result.saved);
      return 'done';
    });
    row.querySelector('.sim-row-actions').replaceChildren(
      button('保存 / Save', 'inline-save', save, true),
      button('キャンセル / Cancel', 'inline-cancel', () => finish(record)),
    );
    await fire('app.record.index.edit.show', { recordId: Number(recordId), record: clone(record) });
  }

  async function indexScreen() {
    renderHead();
    const response = await lib.request('GET', lib.restUrl('records'), { app: page.app.id, totalCount: true });
    if (!response.ok) lib.showRecordError(response.body);
    const records = response.ok ? response.body.records : [];
    for (const record of records) {
      const row = document.createElement('tr');
      renderRow(row, record);
      $('sim-record-rows').append(row);
    }
    await fire('app.record.index.show', {
      viewType: 'list',
      viewId: 20,
      viewName: '（すべて）',
      records: clone(records),
      offset: 0,
      size: records.length,
      date: null,
    });
  }

  lib.screens.index = indexScreen;
})();
