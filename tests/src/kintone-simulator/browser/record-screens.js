// The create, detail and edit screens (desktop and mobile).
(() => {
  const lib = window.__kintoneSimLib;
  const { page, clone, form } = lib;
  const { fields, button, exclusive, fire, showCancellation, saveSequence } = lib.screen;
  const $ = (id) => document.getElementById(id);

  /** Create (recordId null) and edit share the form; only the events, the write and the way back differ. */
  async function formScreen(recordId, loaded) {
    const kind = recordId ? 'edit' : 'create';
    const container = $('sim-record-form');
    let base = loaded ?? clone(page.app.newRecord);
    form.renderForm(container, fields, base);
    lib.currentRecord = () => form.readForm(container, fields, base);
    lib.setCurrentRecord = (next) => {
      base = next;
      form.renderForm(container, fields, base);
    };
    const back = recordId ? lib.path(page.paths.detail, recordId) : page.paths.index;
    const save = exclusive(async () => {
      lib.clearRecordError();
      const result = await saveSequence(`app.record.${kind}`, {
        recordId,
        revision: loaded?.$revision.value,
        record: lib.currentRecord(),
        container,
      });
      if (!result) return undefined;
      // A failed success handler leaves the user on the screen (stricter than kintone's undocumented behaviour).
      if (result.success.failed) return 'done';
      const detail = result.saved ? lib.path(page.paths.detail, result.savedId) : page.paths.index;
      lib.navigate(result.success.event.url || detail);
      return 'done';
    });
    $('sim-record-actions').append(
      button('保存 / Save', 'save', save, true),
      button('キャンセル / Cancel', 'cancel', () => lib.navigate(back)),
    );
    const details = recordId ? { recordId: Number(recordId) } : { reuse: false };
    await fire(`app.record.${kind}.show`, { ...details, record: clone(base) });
  }

  function renderDetail(record) {
    const container = $('sim-record-form');
    container.replaceChildren();
    for (const field of fields) {
      const row = document.createElement('div');
      row.className = 'sim-field';
      row.dataset.fieldCode = field.code;
      const label = document.createElement('span');
      label.className = 'sim-field-label';
      label.textContent = field.label;
      const value = document.createElement('span');
      value.className = 'sim-field-value';
      value.textContent = form.displayValue(field, record[field.code]?.value);
      row.append(label, value);
      container.append(row);
    }
  }

  /** proceed fires before the action runs; cancelling it leaves the status alone. There is no "after" event. */
  async function proceed(recordId, record, action) {
    lib.clearRecordError();
    const result = await fire(
      'app.record.detail.process.proceed',
      {
        recordId: Number(recordId),
        record: clone(record),
        action: { value: action.name },
        status: { value: action.from },
        nextStatus: { value: action.to },
      },
      { cancellable: true },
    );
    if (result.cancelled) return showCancellation(result, null);
    const put = await lib.request('PUT', lib.restUrl('record/status'), {
      app: page.app.id,
      id: recordId,
      action: action.name,
      revision: record.$revision.value,
    });
    if (!put.ok) return lib.showRecordError(put.body);
    lib.navigate(location.href);
    return 'done';
  }

  function renderStatusBar(recordId, record) {
    const process = page.app.process;
    if (!process) return;
    const status = record[page.app.codes.STATUS]?.value ?? '';
    const bar = $('sim-status-bar');
    const label = document.createElement('span');
    label.className = 'sim-status';
    label.dataset.testid = 'status';
    label.textContent = status;
    bar.append(label);
    for (const action of process.actions.filter((candidate) => candidate.from === status)) {
      bar.append(
        button(
          action.name,
          `action-${action.name}`,
          exclusive(() => proceed(recordId, record, action)),
        ),
      );
    }
    bar.hidden = false;
  }

  async function detailScreen(recordId, record) {
    renderDetail(record);
    renderStatusBar(recordId, record);
    lib.currentRecord = () => record;
    const edit = button('編集 / Edit', 'edit', () => lib.navigate(lib.path(page.paths.edit, recordId)));
    $('sim-record-actions').append(edit);
    await fire('app.record.detail.show', { recordId: Number(recordId), record: clone(record) });
  }

  async function recordScreen() {
    // Desktop detail and edit are one page switched by the hash; a switch reloads it, so show events fire again.
    if (page.kind === 'show') window.addEventListener('hashchange', () => location.reload());
    const { view, recordId } = lib.recordView();
    if (!recordId) return lib.showRecordError('レコードが指定されていません。/ No record is specified.');
    const response = await lib.request('GET', lib.restUrl('record'), { app: page.app.id, id: recordId });
    if (!response.ok) return lib.showRecordError(response.body);
    if (view === 'edit') return formScreen(recordId, response.body.record);
    return detailScreen(recordId, response.body.record);
  }

  Object.assign(lib.screens, {
    create: () => formScreen(null, null),
    show: recordScreen,
    detail: recordScreen,
    edit: recordScreen,
  });
})();
