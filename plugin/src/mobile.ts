import { mobilePlatform, startRuntime } from './runtime/kintone-host';

// kintone reassigns $PLUGIN_ID for each plug-in it loads: read it now, never later.
const PLUGIN_ID = kintone.$PLUGIN_ID;

startRuntime(PLUGIN_ID, mobilePlatform);
