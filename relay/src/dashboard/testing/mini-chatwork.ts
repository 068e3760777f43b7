import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Just enough of ChatWork for the connection form: `GET /v2/me` knows one token. The full fake
 * (tests/src/chatwork-fake) drives the browser tests; relay tests stay inside the relay package.
 */
export async function startMiniChatwork(account: { token: string; accountId: string; name: string }) {
  const server = createServer((req, res) => {
    const known = req.headers['x-chatworktoken'] === account.token;
    if (req.method === 'GET' && req.url === '/v2/me' && known) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ account_id: Number(account.accountId), name: account.name }));
      return;
    }
    res.writeHead(known ? 404 : 401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ errors: [known ? 'Not found' : 'Invalid API token'] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
