import { deflateSync } from 'node:zlib';
import packer from '@kintone/plugin-packer';
import { strToU8, unzipSync, zipSync } from 'fflate';

export interface FixturePlugin {
  zip: Uint8Array;
  /** The id the packer printed; the simulator must derive the same one. */
  id: string;
}

/** A tiny plug-in whose scripts report to `window.fixtureReport` (a playwright binding) and call the proxy. */
export async function buildFixturePlugin(): Promise<FixturePlugin> {
  const manifest = {
    manifest_version: 1,
    version: '1.0.0',
    type: 'APP',
    name: { en: 'Simulator fixture', ja: 'シミュレーター用フィクスチャ' },
    icon: 'image/icon.png',
    desktop: { js: ['js/desktop-first.js', 'js/desktop.js'], css: ['css/desktop.css'] },
    mobile: { js: ['js/mobile.js'], css: ['css/mobile.css'] },
    config: { html: 'html/config.html', js: ['js/config.js'], css: ['css/config.css'], required_params: ['relayUrl'] },
  };
  const contents = zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest)),
    'image/icon.png': onePixelPng(),
    'js/desktop-first.js': strToU8(FIRST_SCRIPT),
    'js/desktop.js': strToU8(recordScript('')),
    'js/mobile.js': strToU8(recordScript('mobile.')),
    'css/desktop.css': strToU8('body { --fixture-css: desktop; }'),
    'css/mobile.css': strToU8('body { --fixture-css: mobile; }'),
    'css/config.css': strToU8('body { --fixture-css: config; }'),
    'html/config.html': strToU8(CONFIG_HTML),
    'js/config.js': strToU8(CONFIG_SCRIPT),
  });
  const { plugin, id } = await packer(Buffer.from(contents));
  return { zip: new Uint8Array(plugin), id };
}

/** The same plug-in with one byte of contents.zip changed after signing. */
export function tamperPlugin(zip: Uint8Array): Uint8Array {
  const entries = unzipSync(zip);
  const contents = entries['contents.zip'];
  if (!contents) throw new Error('not a plug-in zip');
  const changed = contents.slice();
  changed[changed.length - 30] = (changed[changed.length - 30] ?? 0) ^ 0xff;
  return zipSync({ ...entries, 'contents.zip': changed });
}

/** A valid 1×1 PNG, so the package is what kintone would accept. */
export function onePixelPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x34, 0x98, 0xdb, 0xff]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const FIRST_SCRIPT = `
if (window.fixtureReport) window.fixtureReport({ kind: 'loaded', file: 'desktop-first', pluginId: kintone.$PLUGIN_ID });
`;

/** desktop.js / mobile.js: log every event, steer behaviour from window.fixtureOptions, send saves to the relay. */
function recordScript(prefix: '' | 'mobile.'): string {
  const inline =
    prefix === ''
      ? "'app.record.index.edit.show', 'app.record.index.edit.submit', 'app.record.index.edit.submit.success',"
      : '';
  return `
((PLUGIN_ID) => {
  const report = (entry) => { if (window.fixtureReport) window.fixtureReport(entry); };
  report({ kind: 'loaded', file: '${prefix === '' ? 'desktop' : 'mobile'}', pluginId: PLUGIN_ID });
  const options = () => window.fixtureOptions || {};
  const config = kintone.plugin.app.getConfig(PLUGIN_ID);
  window.fixtureConfig = config;
  const copy = (value) => JSON.parse(JSON.stringify(value));

  const sendToRelay = (name, event) => {
    if (!config || !config.relayUrl) return Promise.resolve(event);
    const body = {
      event: name, appId: String(event.appId), recordId: String(event.recordId), record: event.record,
      kintoneHost: 'caller-host',
      status: event.action ? { from: event.status.value, to: event.nextStatus.value, action: event.action.value } : undefined,
    };
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer caller' };
    return kintone.plugin.app.proxy(PLUGIN_ID, config.relayUrl + '/v1/notifications', 'POST', headers, body).then(
      ([responseBody, status]) => { report({ kind: 'proxy', status, body: responseBody }); return event; },
      (error) => { report({ kind: 'proxy-failed', error: String(error) }); return event; },
    );
  };

  const types = [
    '${prefix}app.record.index.show', ${inline}
    '${prefix}app.record.create.show', '${prefix}app.record.create.submit', '${prefix}app.record.create.submit.success',
    '${prefix}app.record.edit.show', '${prefix}app.record.edit.submit', '${prefix}app.record.edit.submit.success',
    '${prefix}app.record.detail.show', '${prefix}app.record.detail.process.proceed',
  ];
  kintone.events.on(types, (event) => {
    report({ kind: 'event', type: event.type, event: copy(event) });
    const o = options();
    const type = event.type.replace(/^mobile\\./, '');
    if (type === 'app.record.create.submit' && o.cancelCreate) { event.error = 'cancelled by fixture'; return event; }
    if (type === 'app.record.create.submit' && o.fieldError) { event.record.title.error = 'title rejected'; return event; }
    if (type === 'app.record.create.submit' && o.changeTitle) { event.record.title.value = o.changeTitle; return event; }
    if (type.endsWith('.submit.success')) {
      if (o.successUrl) event.url = o.successUrl;
      const name = type.includes('create') ? 'create' : 'edit';
      return sendToRelay(name, event);
    }
    if (type === 'app.record.detail.process.proceed') {
      if (o.rejectProceed) return Promise.reject(new Error('rejected by fixture'));
      if (o.proceedFalse) return false;
      return sendToRelay('status', event);
    }
    return event;
  });
})(kintone.$PLUGIN_ID);
`;
}

const CONFIG_HTML = `
<form id="fixture-config">
  <label>Relay URL <input id="relay-url"></label>
  <label>Connection key <input id="relay-key"></label>
  <button type="button" id="save-sequential">Save</button>
  <button type="button" id="save-overlapping">Save (overlapping)</button>
  <button type="button" id="save-no-callback">Save (no callback)</button>
</form>
`;

const CONFIG_SCRIPT = `
((PLUGIN_ID) => {
  const report = (entry) => { if (window.fixtureReport) window.fixtureReport(entry); };
  report({ kind: 'loaded', file: 'config', pluginId: PLUGIN_ID });
  const current = kintone.plugin.app.getConfig(PLUGIN_ID);
  const relayUrl = document.getElementById('relay-url');
  const key = document.getElementById('relay-key');
  relayUrl.value = current.relayUrl || '';
  const stored = current.relayUrl && kintone.plugin.app.getProxyConfig(current.relayUrl + '/v1/notifications', 'POST');
  key.value = stored ? stored.headers.Authorization.replace('Bearer ', '') : '';

  const config = () => ({ relayUrl: relayUrl.value, appName: 'Fixture app' });
  const proxyArgs = () => [
    relayUrl.value + '/v1/notifications', 'POST',
    { Authorization: 'Bearer ' + key.value },
    { kintoneHost: location.host, appName: 'stored-app-name' },
  ];
  document.getElementById('save-sequential').addEventListener('click', () => {
    kintone.plugin.app.setConfig(config(), () => {
      kintone.plugin.app.setProxyConfig(...proxyArgs(), () => {
        location.href = '../../flow?app=' + kintone.app.getId();
      });
    });
  });
  document.getElementById('save-overlapping').addEventListener('click', () => {
    kintone.plugin.app.setConfig(config(), () => report({ kind: 'saved', what: 'config' }));
    kintone.plugin.app.setProxyConfig(...proxyArgs(), () => report({ kind: 'saved', what: 'proxy' }));
  });
  document.getElementById('save-no-callback').addEventListener('click', () => {
    kintone.plugin.app.setConfig(config());
  });
})(kintone.$PLUGIN_ID);
`;
