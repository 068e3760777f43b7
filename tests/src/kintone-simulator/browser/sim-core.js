// Shared state and helpers of the simulator's browser runtime. Served as-is (no build step), so plain JS.
// Tests read window.__kintoneSim; the other runtime files use window.__kintoneSimLib.
(() => {
  const page = window.__kintoneSimPage;
  const sim = { page, ready: false, notifications: [], events: [], handlerErrors: [], errors: [] };
  window.__kintoneSim = sim;

  const NOTIFICATION_TYPES = ['ERROR', 'SUCCESS', 'INFO'];

  /** A deep copy, so what handlers receive and what tests read cannot be changed behind the runtime's back. */
  function clone(value) {
    return value === undefined ? undefined : structuredClone(value);
  }

  /** kintone.api's GET encoding: arrays as `key[0]=…`, everything else as a string (objects as JSON). */
  function appendQuery(url, params) {
    const parts = [];
    for (const [key, value] of Object.entries(params || {})) {
      if (value === undefined) continue;
      const items = Array.isArray(value) ? value.map((item, index) => [`${key}[${index}]`, item]) : [[key, value]];
      for (const [name, item] of items) {
        const text = typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item);
        parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
      }
    }
    if (parts.length === 0) return url;
    return url + (url.includes('?') ? '&' : '?') + parts.join('&');
  }

  /** A session request, as kintone's own screens make them: cookie + X-Requested-With, CSRF token on writes. */
  async function request(method, url, params) {
    const headers = { 'X-Requested-With': 'XMLHttpRequest' };
    let target = url;
    let body;
    if (method === 'GET') {
      target = appendQuery(url, params);
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify({ ...(params || {}), __REQUEST_TOKEN__: page.requestToken });
    }
    const response = await fetch(target, { method, headers, body, credentials: 'same-origin' });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // kintone hands non-JSON bodies through as strings
    }
    return { ok: response.ok, status: response.status, body: parsed };
  }

  /** The REST URL of this page's app: guest-space apps must use /k/guest/<space>/v1/. */
  function restUrl(resource) {
    const guest = page.app?.guestSpaceId;
    return `${location.origin}${guest ? `/k/guest/${guest}/v1/` : '/k/v1/'}${resource}.json`;
  }

  /** Which record screen this is. Desktop keeps the record in the hash (show#record=5&mode=edit). */
  function recordView() {
    if (page.kind === 'show') {
      const hash = new URLSearchParams(location.hash.slice(1));
      const id = hash.get('record');
      return { view: hash.get('mode') === 'edit' ? 'edit' : 'detail', recordId: id && /^\d+$/.test(id) ? id : null };
    }
    return { view: page.kind, recordId: page.recordId };
  }

  function path(template, id) {
    return template.replace('{id}', encodeURIComponent(String(id)));
  }

  function navigate(url) {
    const target = new URL(url, location.href);
    if (target.href === location.href) location.reload();
    else location.assign(target.href);
  }

  /** kintone shows one notification at a time; a new one replaces the previous one. */
  function showNotification(type, message) {
    if (!NOTIFICATION_TYPES.includes(type)) {
      throw new Error(`showNotification: type must be one of ${NOTIFICATION_TYPES.join(', ')}, got ${String(type)}`);
    }
    if (typeof message !== 'string') throw new Error('showNotification: message must be a string');
    const banner = document.createElement('div');
    banner.className = `sim-notification sim-notification-${type.toLowerCase()}`;
    banner.dataset.testid = 'kintone-notification';
    banner.dataset.type = type;
    banner.setAttribute('role', type === 'ERROR' ? 'alert' : 'status');
    banner.textContent = message;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'sim-notification-close';
    close.textContent = '×';
    close.setAttribute('aria-label', '閉じる / Close');
    close.addEventListener('click', () => banner.remove());
    banner.append(close);
    document.getElementById('sim-notification-slot')?.replaceChildren(banner);
    sim.notifications.push({ type, message });
  }

  /** kintone's own error dialog (e.g. a failed settings save). Recorded for tests and rethrown as uncaught. */
  function fail(error) {
    const message = error instanceof Error ? error.message : String(error);
    sim.errors.push({ message });
    const dialog = document.createElement('div');
    dialog.className = 'sim-error-dialog';
    dialog.dataset.testid = 'kintone-error-dialog';
    dialog.setAttribute('role', 'alertdialog');
    dialog.textContent = message;
    document.body.append(dialog);
    setTimeout(() => {
      throw error instanceof Error ? error : new Error(message);
    });
  }

  /** Shows a REST error body (or an event's error message) in the record screen's error area. */
  function showRecordError(body) {
    const area = document.querySelector('[data-testid="record-error"]');
    if (!area) return;
    const lines = [typeof body === 'string' ? body : body?.message || 'エラーが発生しました。'];
    for (const [key, value] of Object.entries(body?.errors || {})) lines.push(`${key}: ${value.messages.join(' ')}`);
    area.textContent = lines.join('\n');
    area.hidden = false;
  }

  function clearRecordError() {
    const area = document.querySelector('[data-testid="record-error"]');
    if (area) {
      area.textContent = '';
      area.hidden = true;
    }
  }

  window.__kintoneSimLib = {
    page,
    sim,
    clone,
    appendQuery,
    request,
    restUrl,
    recordView,
    path,
    navigate,
    showNotification,
    fail,
    showRecordError,
    clearRecordError,
    /** Screen starters by page kind, filled in by the screen files. */
    screens: {},
  };
})();
