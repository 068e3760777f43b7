/**
 * Runs the Stripe fake as its own process, for the sandbox and for multi-process tests:
 *   tsx tests/src/stripe-fake/cli.ts --port 8791 --webhook-url http://127.0.0.1:8787/stripe/webhook
 * The first line on stdout is always `STRIPE_API_URL=<url>`; the next lines are the other
 * settings the relay needs (secret key, price, webhook secret), in the relay's env-file form.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { startStripeFake } from './server';

async function main(): Promise<void> {
  let config: ReturnType<typeof parseCliArgs>;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  let fake: Awaited<ReturnType<typeof startStripeFake>>;
  try {
    fake = await startStripeFake(config.options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  console.log(`STRIPE_API_URL=${fake.url}`);
  console.log(`STRIPE_SECRET_KEY=${fake.apiKey}`);
  console.log(`STRIPE_PRICE_STANDARD=${config.options.prices?.[0]?.id ?? 'price_standard_monthly'}`);
  for (const endpoint of fake.webhookEndpoints()) console.log(`STRIPE_WEBHOOK_SECRET=${endpoint.secret}`);
  console.log(`Stripe fake の状態 / Stripe fake status: ${fake.url}/__fake/`);

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Stripe fake failed to start:', error);
  process.exit(1);
});
