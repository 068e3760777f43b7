import { request } from 'node:https';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinnedHttpsAgent } from './pinned-agent';

const REFUSED = 'The relay connects only to the checked kintone host';

function attempt(url: string, agent: PinnedHttpsAgent): Promise<Error> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { 'X-Cybozu-API-Token': 'secret' } }, () => {
      resolve(new Error('unexpected answer'));
    });
    req.on('error', resolve);
    req.end();
  });
}

describe('PinnedHttpsAgent', () => {
  // A plain TCP server that counts connections and hangs up: enough to see whether the agent
  // connected at all (the TLS handshake then fails, which is not what is tested here).
  let server: Server;
  let port: number;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects to its own host and port', async () => {
    const before = connections;
    const error = await attempt(`https://LOCALHOST:${port}/k/v1/record.json`, new PinnedHttpsAgent('localhost', port));
    expect(error.message).not.toBe(REFUSED);
    expect(connections).toBe(before + 1);
  });

  it('refuses any other host or port before connecting or resolving a name', async () => {
    const before = connections;
    const agent = new PinnedHttpsAgent('localhost', port);
    expect((await attempt(`https://127.0.0.1:${port}/`, agent)).message).toBe(REFUSED);
    expect((await attempt(`https://localhost:${port + 1}/`, agent)).message).toBe(REFUSED);
    // `.invalid` never resolves: reaching DNS would fail with ENOTFOUND instead.
    expect((await attempt('https://elsewhere.invalid/k/v1/record.json', agent)).message).toBe(REFUSED);
    expect(connections).toBe(before);
  });
});
