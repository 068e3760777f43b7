// The browser `kintone` object, following @kintone/dts-gen's kintone.d.ts and the cybozu.dev JS API docs.
// Where the docs are silent the stricter behaviour is chosen, and the comment says so.
(() => {
  const lib = window.__kintoneSimLib;
  const { page, sim, clone } = lib;

  const RECORD_KINDS = ['index', 'create', 'show', 'detail', 'edit'];
  const PROXY_METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
  const MAX_CONFIG_VALUE_CHARS = 65535;
  const MAX_CONFIG_BYTES = 256 * 1024;

  const isRecordScreen = RECORD_KINDS.includes(page.kind);
  const isSettings = page.kind === 'settings';

  // ---- events ----------------------------------------------------------------------------------------

  const handlers = new Map();

  function on(type, handler) {
    if (typeof handler !== 'function') throw new TypeError('kintone.events.on: handler must be a function');
    for (const name of Array.isArray(type) ? type : [type]) {
      if (typeof name !== 'string') throw new TypeError('kintone.events.on: event type must be a string');
      handlers.set(name, [...(handlers.get(name) || []), handler]);
    }
  }

  function off(type, handler) {
    if (type === undefined) {
      const had = handlers.size > 0;
      handlers.clear();
      return had;
    }
    let removed = false;
    for (const name of Array.isArray(type) ? type : [type]) {
      const list = handlers.get(name) || [];
      const kept = handler === undefined ? [] : list.filter((candidate) => candidate !== handler);
      removed = removed || kept.length !== list.length;
      handlers.set(name, kept);
    }
    return removed;
  }

  function hasErrors(event) {
    if (event?.error) return true;
    return Object.values(event?.record || {}).some((field) => field && typeof field === 'object' && field.error);
  }

  /**
   * Runs the handlers of one event in registration order, awaiting returned promises. Each handler gets a
   * copy of the event and only a *returned* event object is taken over (kintone applies changes only from the
   * returned event; not seeing mutations of an unreturned object is the stricter reading).
   * Cancellable events stop on `false`, a throw/rejection, `event.error` or a field error.
   * For other events a throw/rejection is recorded and reported as `failed`; the caller then stops
   * (no page transition), which is stricter than kintone's undocumented behaviour.
   */
  lib.dispatch = async (type, event, options = {}) => {
    sim.events.push({ type, event: clone(event) });
    let accepted = event;
    for (const handler of [...(handlers.get(type) || [])]) {
      let result;
      try {
        result = await handler(clone(accepted));
      } catch (error) {
        sim.handlerErrors.push({ type, message: error instanceof Error ? error.message : String(error) });
        console.error(`[kintone simulator] handler of ${type} failed`, error);
        return options.cancellable ? { cancelled: true, event: accepted, error } : { failed: true, event: accepted };
      }
      if (result === false && options.cancellable) return { cancelled: true, event: accepted };
      if (result && typeof result === 'object') accepted = result;
    }
    if (options.cancellable && hasErrors(accepted)) return { cancelled: true, event: accepted };
    return { cancelled: false, failed: false, event: accepted };
  };

  // ---- screens ---------------------------------------------------------------------------------------

  // PC and mobile APIs are separate in kintone; each returns null on the other kind of screen (stricter).
  const appId = (mobile) =>
    page.app && page.mobile === mobile && (isRecordScreen || (!mobile && isSettings)) ? page.app.id : null;
  const recordId = (mobile) => {
    if (!page.app || page.mobile !== mobile || !isRecordScreen) return null;
    const { view, recordId: id } = lib.recordView();
    return (view === 'detail' || view === 'edit') && id ? Number(id) : null;
  };
  const element = (id) => document.getElementById(id);
  const onKind = (kinds, mobile, id) =>
    page.mobile === mobile && kinds.includes(lib.recordView().view) ? element(id) : null;

  function getRecord(mobile) {
    if (page.mobile !== mobile || !lib.currentRecord) return null;
    const record = lib.currentRecord();
    return record ? { record: clone(record) } : null;
  }

  function setRecord(mobile, value) {
    if (page.mobile !== mobile || !lib.setCurrentRecord)
      throw new Error('kintone.app.record.set is not available here');
    if (!value || typeof value.record !== 'object') throw new TypeError('record.set: pass { record }');
    lib.setCurrentRecord(clone(value.record));
  }

  function fieldElement(mobile, code) {
    if (page.mobile !== mobile || lib.recordView().view !== 'detail') return null;
    return document.querySelector(`[data-field-code="${CSS.escape(code)}"] .sim-field-value`);
  }

  /**
   * Documented as asynchronous: it returns a Promise that resolves (with no value) once shown. Misuse
   * (wrong platform, bad arguments) rejects instead of throwing, so a caller that only wraps the call in
   * try/catch gets an unhandled rejection, the stricter reading of an async API.
   */
  function showNotificationOn(mobile) {
    return (type, message) => {
      try {
        if (page.mobile !== mobile) {
          throw new Error(`${mobile ? 'kintone.mobile' : 'kintone'}.showNotification is not available on this screen`);
        }
        lib.showNotification(type, message);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }

  // ---- REST ------------------------------------------------------------------------------------------

  /** `.json` is added when missing (kintone.api does this; api.url is treated the same way, leniently). */
  function apiUrl(path, detectGuestSpace) {
    const match = /^\/k\/v1\/(.+?)(?:\.json)?$/.exec(String(path));
    if (!match) throw new Error(`kintone.api.url: path must start with /k/v1/, got ${String(path)}`);
    const guest = detectGuestSpace && page.app?.guestSpaceId;
    return `${location.origin}${guest ? `/k/guest/${guest}/v1/` : '/k/v1/'}${match[1]}.json`;
  }

  function toRequestUrl(pathOrUrl) {
    const url = new URL(String(pathOrUrl), location.origin);
    if (url.origin !== location.origin) throw new Error('kintone.api: only this kintone domain can be called');
    if (!url.pathname.endsWith('.json')) url.pathname += '.json';
    return url.href;
  }

  /** kintone's convention: with callbacks the call returns nothing, without them a Promise. */
  function withCallbacks(promise, success, failure) {
    if (success === undefined && failure === undefined) return promise;
    promise.then(success, failure);
    return undefined;
  }

  function api(pathOrUrl, method, params, success, failure) {
    const promise = (async () => {
      // Upper case only, as documented (stricter than guessing).
      if (!PROXY_METHODS.includes(method)) throw new Error(`kintone.api: unsupported method ${String(method)}`);
      const response = await lib.request(method, toRequestUrl(pathOrUrl), params || {});
      if (!response.ok) throw response.body;
      return response.body;
    })();
    return withCallbacks(promise, success, failure);
  }
  api.url = apiUrl;
  api.urlForGet = (path, params, detectGuestSpace) => lib.appendQuery(apiUrl(path, detectGuestSpace), params);
  api.getConcurrencyLimit = async () => ({ limit: 100, running: 0 });

  // ---- proxy -----------------------------------------------------------------------------------------

  /**
   * kintone forwards from its server. Non-2xx answers arrive on the success path with their status;
   * only a transport failure reaches failure/rejection, with an error body string.
   */
  function sendProxy(payload, success, failure) {
    const promise = (async () => {
      const response = await lib.request('POST', '/__sim/api/proxy', { app: page.app?.id, ...payload });
      if (!response.ok) throw typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      if (!response.body.ok) throw response.body.errorBody;
      return [response.body.body, response.body.status, response.body.headers];
    })();
    return withCallbacks(promise, success && ((result) => success(...result)), failure);
  }

  function proxy(url, method, headers, data, success, failure) {
    if (!page.app) throw new Error('kintone.proxy is not available on this screen');
    return sendProxy({ pluginId: null, url, method, headers, data }, success, failure);
  }
  proxy.upload = () => {
    throw new Error('kintone.proxy.upload is not supported by the simulator');
  };

  function pluginProxy(pluginId, url, method, headers, data, success, failure) {
    if (!isRecordScreen && !isSettings) throw new Error('kintone.plugin.app.proxy is not available on this screen');
    return sendProxy({ pluginId, url, method, headers, data, pending: isSettings }, success, failure);
  }
  pluginProxy.upload = () => {
    throw new Error('kintone.plugin.app.proxy.upload is not supported by the simulator');
  };

  // ---- plug-in settings ------------------------------------------------------------------------------

  function requireSettingsScreen(name) {
    if (!isSettings) throw new Error(`kintone.plugin.app.${name} can only be used on the plug-in settings screen`);
  }

  function isFlatStringObject(value) {
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((item) => typeof item === 'string')
    );
  }

  /** Limits from the setConfig docs; keys count toward the 256 KB total (the docs only say "values": stricter). */
  function validateConfig(config) {
    if (!isFlatStringObject(config))
      throw new Error('setConfig: config must be an object whose values are all strings');
    let bytes = 0;
    for (const [key, value] of Object.entries(config)) {
      if (!/^[\x20-\x7e]+$/.test(key)) throw new Error(`setConfig: key "${key}" must be non-empty printable ASCII`);
      if (value.length > MAX_CONFIG_VALUE_CHARS) {
        throw new Error(`setConfig: the value of "${key}" is over ${MAX_CONFIG_VALUE_CHARS} characters`);
      }
      bytes += new TextEncoder().encode(key + value).length;
    }
    if (bytes > MAX_CONFIG_BYTES) throw new Error(`setConfig: the config is over ${MAX_CONFIG_BYTES} bytes`);
  }

  /** Persists, then calls the callback, or without one goes to the plug-in list like kintone. */
  function save(endpoint, payload, apply, callback) {
    lib.request('POST', endpoint, { app: page.app.id, pluginId: page.pluginId, ...payload }).then(
      (response) => {
        if (!response.ok) {
          lib.fail(new Error(response.body?.message || `save failed (${response.status})`));
          return;
        }
        apply();
        if (callback) callback();
        else lib.navigate(`${page.paths.pluginList}?saved=1`);
      },
      (error) => lib.fail(error),
    );
  }

  function setConfig(config, callback) {
    requireSettingsScreen('setConfig');
    validateConfig(config);
    if (callback !== undefined && typeof callback !== 'function')
      throw new TypeError('setConfig: callback must be a function');
    const copy = { ...config };
    save(
      '/__sim/api/plugin-config',
      { config: copy },
      () => {
        page.pluginConfig = copy;
      },
      callback,
    );
  }

  function setProxyConfig(url, method, headers, data, callback) {
    requireSettingsScreen('setProxyConfig');
    if (typeof url !== 'string' || !/^https?:\/\//.test(url))
      throw new Error('setProxyConfig: url must be an http(s) URL');
    // Upper-case methods only, as documented; a lower-case one is refused (stricter).
    if (!PROXY_METHODS.includes(method))
      throw new Error(`setProxyConfig: method must be one of ${PROXY_METHODS.join(', ')}`);
    if (!isFlatStringObject(headers) || !isFlatStringObject(data)) {
      throw new Error('setProxyConfig: headers and data must be objects whose values are strings (no nested values)');
    }
    if (callback !== undefined && typeof callback !== 'function') {
      throw new TypeError('setProxyConfig: callback must be a function');
    }
    const entry = { url, method, headers: { ...headers }, data: { ...data } };
    save(
      '/__sim/api/plugin-proxy-config',
      entry,
      () => {
        const others = page.proxyConfigs.filter((item) => item.url !== url || item.method !== method);
        const isDelete = Object.keys(headers).length === 0 && Object.keys(data).length === 0;
        page.proxyConfigs = isDelete ? others : [...others, entry];
      },
      callback,
    );
  }

  function getProxyConfig(url, method) {
    if (!isSettings) return null;
    const entry = page.proxyConfigs.find((item) => item.url === url && item.method === method);
    return entry ? { headers: clone(entry.headers), data: clone(entry.data) } : null;
  }

  /** The deployed config on record screens, the latest saved one on the settings screen; {} if never saved. */
  function getConfig(pluginId) {
    if (!isRecordScreen && !isSettings) return null;
    // Another plug-in's id (or an undefined one read too late) gets null: stricter than guessing.
    if (pluginId !== page.pluginId) return null;
    return clone(page.pluginConfig || {});
  }

  // ---- the object ------------------------------------------------------------------------------------

  window.kintone = {
    $PLUGIN_ID: undefined,
    events: { on, off },
    api,
    proxy,
    Promise: window.Promise,
    getRequestToken: () => page.requestToken,
    getLoginUser: () => clone(page.user),
    getUiVersion: () => 2,
    isMobilePage: () => page.mobile,
    isMobileApp: () => false,
    showNotification: showNotificationOn(false),
    showLoading: (visibility) => {
      if (visibility !== 'VISIBLE' && visibility !== 'HIDDEN') throw new Error('showLoading: VISIBLE or HIDDEN');
      document.body.classList.toggle('sim-loading', visibility === 'VISIBLE');
    },
    app: {
      getId: () => appId(false),
      getHeaderSpaceElement: () => onKind(['index'], false, 'sim-header-space'),
      getHeaderMenuSpaceElement: () => onKind(['index'], false, 'sim-header-menu-space'),
      getFieldElements: (code) =>
        page.mobile || page.kind !== 'index'
          ? null
          : [...document.querySelectorAll(`td[data-field-code="${CSS.escape(code)}"]`)],
      getQuery: () => null,
      getQueryCondition: () => null,
      record: {
        getId: () => recordId(false),
        get: () => getRecord(false),
        set: (value) => setRecord(false, value),
        getFieldElement: (code) => fieldElement(false, code),
        getHeaderMenuSpaceElement: () => onKind(['detail'], false, 'sim-header-menu-space'),
        getSpaceElement: () => null,
        setFieldShown: () => undefined,
        setGroupFieldOpen: () => undefined,
      },
    },
    mobile: {
      showNotification: showNotificationOn(true),
      app: {
        getId: () => appId(true),
        getHeaderSpaceElement: () =>
          onKind(['index'], true, 'sim-header-space') || onKind(['detail'], true, 'sim-header-menu-space'),
        getQuery: () => null,
        getQueryCondition: () => null,
        record: {
          getId: () => recordId(true),
          get: () => getRecord(true),
          set: (value) => setRecord(true, value),
          getFieldElement: (code) => fieldElement(true, code),
          getSpaceElement: () => null,
          setFieldShown: () => undefined,
          setGroupFieldOpen: () => undefined,
        },
      },
    },
    plugin: {
      app: { getConfig, setConfig, setProxyConfig, getProxyConfig, proxy: pluginProxy },
    },
  };
})();
