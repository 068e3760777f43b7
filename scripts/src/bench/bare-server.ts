/**
 * The yardstick for the relay's accept path: one Hono route that answers 202 without reading the
 * body, served by @hono/node-server exactly as the relay is (its own process, same Node flags).
 */
import { loadHono } from './borrowed-modules';

const { Hono, serve } = await loadHono();
const app = new Hono();
app.post('/bare', (c) => c.json({ ok: true }, 202));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  process.stdout.write(
    `${JSON.stringify({ message: 'bare listening', url: `http://${process.env.HOST ?? '127.0.0.1'}:${info.port}` })}\n`,
  );
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
