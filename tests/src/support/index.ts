export { launchBrowser } from './browser';
export { builtPluginZip } from './plugin-zip';
export {
  ACCOUNT_PASSWORD,
  type ConnectedAccount,
  connectAccount,
  createConnectionKey,
  type IssuedKey,
  revokeConnectionKey,
  startTestRelayServer,
  type TestRelayServer,
} from './relay-server';
export { maybeScreenshot } from './screenshots';
