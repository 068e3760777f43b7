/**
 * Runs the Stripe fake as its own process, for the sandbox and for multi-process tests:
 *   tsx tests/src/stripe-fake/cli.ts --port 8791 --webhook-url http://127.0.0.1:8787/stripe/webhook
 * The first line on stdout is always `STRIPE_API_URL=<url>`; the next lines are the other
 * settings the relay needs (secret key, price, webhook secret), in the relay's env-file form.
 */
import { runFakeCli } from '../fake-server/cli';
import { parseCliArgs, USAGE } from './cli-args';
import { startStripeFake } from './server';

runFakeCli({
  name: 'Stripe fake',
  usage: USAGE,
  parse: parseCliArgs,
  start: (config) => startStripeFake(config.options),
  describe: (fake, config) => [
    `STRIPE_API_URL=${fake.url}`,
    `STRIPE_SECRET_KEY=${fake.apiKey}`,
    `STRIPE_PRICE_STANDARD=${config.options.prices?.[0]?.id ?? 'price_standard_monthly'}`,
    ...fake.webhookEndpoints().map((endpoint) => `STRIPE_WEBHOOK_SECRET=${endpoint.secret}`),
    `Stripe fake の状態 / Stripe fake status: ${fake.url}/__fake/`,
  ],
});
