export { launchBrowser } from './browser';
export { builtPluginZip } from './plugin-zip';
export { type ConnectedAccount, connectAccount, startTestRelayServer, type TestRelayServer } from './relay-server';
