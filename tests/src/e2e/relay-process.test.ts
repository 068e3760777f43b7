import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeService, startNodeService } from '../load/harness/node-service';

// The relay as production and `pnpm start` run it: its own Node.js process compiling TypeScript
// with tsx from the repository root, not inside vitest. This once served every dashboard page as
// a 500 ("React is not defined") because tsx read no JSX settings there.
describe('the relay process started with tsx from the repository root', () => {
  let dataDir: string;
  let relay: NodeService;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'k2c-relay-process-'));
    relay = await startNodeService({
      name: 'relay',
      script: 'relay/src/index.ts',
      env: { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DELIVERY_WORKERS: '0' },
      readyMessage: 'relay listening',
    });
  });
  afterAll(async () => {
    await relay?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the dashboard pages and the health checks', async () => {
    const login = await fetch(`${relay.url}/login`, { headers: { 'accept-language': 'ja' } });
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('ログイン');
    expect((await fetch(`${relay.url}/readyz`)).status).toBe(200);
    expect(relay.output()).not.toContain('"level":"error"');
  });
});
