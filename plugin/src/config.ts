import { kintoneSettingsHost } from './settings/kintone-settings-host';
import { startSettingsPage } from './settings/settings-page';

// kintone reassigns $PLUGIN_ID for each plug-in it loads: read it now, never later.
const PLUGIN_ID = kintone.$PLUGIN_ID;

function start(): void {
  const root = document.getElementById('k2c-settings');
  if (root) startSettingsPage(root, kintoneSettingsHost(PLUGIN_ID));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
