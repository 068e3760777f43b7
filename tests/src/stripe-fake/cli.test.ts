import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { startCli } from '../fake-server/cli-test-support';
import { parseCliArgs, parsePrice } from './cli-args';

describe('parseCliArgs', () => {
  it('reads every option', () => {
    const config = parseCliArgs([
      '--port',
      '8791',
      '--api-key',
      'sk_test_sandbox',
      '--price',
      'price_pro:9800:prod_pro:Pro: plus',
      '--price',
      'price_lite:980',
      '--webhook-url',
      'http://127.0.0.1:8787/stripe/webhook',
      '--webhook-secret',
      'whsec_x',
      '--retry-delays',
      '10,20',
      '--dunning-days',
      '3',
      '--dunning-outcome',
      'unpaid',
    ]);
    expect(config).toEqual({
      help: false,
      options: {
        port: 8791,
        apiKey: 'sk_test_sandbox',
        prices: [
          {
            id: 'price_pro',
            unitAmount: 9800,
            currency: 'jpy',
            interval: 'month',
            product: 'prod_pro',
            name: 'Pro: plus',
          },
          { id: 'price_lite', unitAmount: 980, currency: 'jpy', interval: 'month' },
        ],
        webhookUrl: 'http://127.0.0.1:8787/stripe/webhook',
        webhookSecret: 'whsec_x',
        retryDelaysMs: [10, 20],
        dunningDays: 3,
        dunningOutcome: 'unpaid',
      },
    });
  });

  it('refuses what it cannot read', () => {
    expect(() => parsePrice('price_x')).toThrow(/ID:AMOUNT/);
    expect(() => parseCliArgs(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--dunning-outcome', 'paused'])).toThrow(/canceled or unpaid/);
    expect(() => parseCliArgs(['--retry-delays', '10,x'])).toThrow(/--retry-delays/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });
});

describe('cli.ts', () => {
  it('starts a standalone fake, prints the relay settings, and stops on SIGTERM', async () => {
    const cli = await startCli(
      new URL('./cli.ts', import.meta.url),
      ['--port', '0', '--webhook-url', 'http://127.0.0.1:9/unused', '--retry-delays', ''],
      (stdout) => stdout.includes('/__fake/'),
    );
    try {
      const lines = cli.output.trim().split('\n');
      const url = /^STRIPE_API_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? '')?.[1] ?? '';
      expect(url).not.toBe('');
      expect(lines.slice(1, 4)).toEqual([
        'STRIPE_SECRET_KEY=sk_test_fake',
        'STRIPE_PRICE_STANDARD=price_standard_monthly',
        expect.stringMatching(/^STRIPE_WEBHOOK_SECRET=whsec_\w+$/),
      ]);

      const { hostname, port } = new URL(url);
      const stripe = new Stripe('sk_test_fake', {
        host: hostname,
        port: Number(port),
        protocol: 'http',
        maxNetworkRetries: 0,
        telemetry: false,
      });
      const customer = await stripe.customers.create({ email: 'cli@example.com' });
      const customers = await (await fetch(`${url}/__fake/customers`)).json();
      expect(customers).toMatchObject([{ id: customer.id, email: 'cli@example.com' }]);

      expect(await cli.stop()).toBe(0);
    } finally {
      cli.kill();
    }
  }, 15_000);
});
