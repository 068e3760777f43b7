import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A door between the Stripe fake and the relay's webhook endpoint. While closed it holds every
 * delivery unanswered; open() sends the held ones on, and every later one straight through. A
 * browser test uses it to look at the billing page before Stripe's confirmation has arrived.
 */
export async function startWebhookGate(target: string) {
  let waiting = 0;
  let openGate: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    waiting++;
    await opened;
    waiting--;
    try {
      const answer = await fetch(target, {
        method: 'POST',
        headers: {
          'Content-Type': req.headers['content-type'] ?? 'application/json',
          'Stripe-Signature': String(req.headers['stripe-signature'] ?? ''),
        },
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' });
      res.end(await answer.text());
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    /** Deliveries that arrived and are held. */
    waiting: () => waiting,
    open: () => openGate(),
    close: () => {
      openGate();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
