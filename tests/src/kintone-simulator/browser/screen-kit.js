// Building blocks of the simulated screens: buttons, one action at a time, firing events, kintone's save sequence.
(() => {
  const lib = window.__kintoneSimLib;
  const { page, form } = lib;
  const prefix = page.mobile ? 'mobile.' : '';
  const fields = page.app?.fields || [];

  function button(label, testid, onClick, primary = false) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = primary ? 'sim-button sim-button-primary' : 'sim-button';
    element.dataset.testid = testid;
    element.textContent = label;
    element.addEventListener('click', onClick);
    return element;
  }

  /**
   * Runs one user action at a time with the screen's buttons disabled, as kintone's are. An action that
   * returns 'done' (it left the page or finished for good) keeps them disabled, so a save cannot run twice.
   */
  function exclusive(action) {
    let running = false;
    return async () => {
      if (running) return;
      running = true;
      const buttons = [...document.querySelectorAll('#sim-main button')];
      for (const element of buttons) element.disabled = true;
      let keepDisabled = false;
      try {
        keepDisabled = (await action()) === 'done';
      } catch (error) {
        lib.showRecordError(error instanceof Error ? error.message : String(error));
      } finally {
        running = false;
        if (!keepDisabled) for (const element of buttons) element.disabled = false;
      }
    };
  }

  /** Fires `type` (with `mobile.` on mobile screens) with kintone's common `type` and `appId` properties. */
  function fire(type, details, options) {
    const name = prefix + type;
    return lib.dispatch(name, { type: name, appId: page.app.id, ...details }, options);
  }

  async function fetchRecord(recordId) {
    const response = await lib.request('GET', lib.restUrl('record'), { app: page.app.id, id: recordId });
    return response.ok ? response.body.record : null;
  }

  /** A cancelled event shows `event.error` at the top and field errors under their fields. */
  function showCancellation(result, container) {
    if (container) form.showFieldErrors(container, result.event?.record);
    if (result.event?.error) lib.showRecordError(String(result.event.error));
  }

  /**
   * kintone's save: `<events>.submit` (cancellable; handlers may change values) → REST write →
   * `<events>.submit.success` with the saved record, awaited. Updates send the revision the screen
   * loaded, so a concurrent change fails with GAIA_CO02 as on kintone. Returns null when nothing was saved.
   */
  async function saveSequence(events, { recordId, revision, record, container }) {
    const ids = recordId ? { recordId: Number(recordId) } : {};
    const submit = await fire(`${events}.submit`, { ...ids, record }, { cancellable: true });
    if (submit.cancelled) {
      showCancellation(submit, container);
      return null;
    }
    const values = form.writableValues(fields, submit.event.record);
    const write = recordId
      ? await lib.request('PUT', lib.restUrl('record'), { app: page.app.id, id: recordId, revision, record: values })
      : await lib.request('POST', lib.restUrl('record'), { app: page.app.id, record: values });
    if (!write.ok) {
      lib.showRecordError(write.body);
      return null;
    }
    const savedId = String(recordId ?? write.body.id);
    // Without view permission on the saved record kintone hands the handlers `record: null`.
    const saved = await fetchRecord(savedId);
    const success = await fire(`${events}.submit.success`, { recordId: savedId, record: saved });
    return { savedId, saved, success };
  }

  lib.screen = { fields, button, exclusive, fire, showCancellation, saveSequence };
})();
