import { parseArgs } from 'node:util';
import { COMMON_ARGS, listenOptions } from '../fake-server/cli';
import type { DunningOutcome, FakePrice, StripeFakeOptions } from './types';

export const USAGE = `Usage: tsx tests/src/stripe-fake/cli.ts [options]

  --port N                 port to listen on (default 0 = random free port)
  --host H                 address to bind (default 127.0.0.1)
  --api-key K              the secret key the fake accepts (default sk_test_fake)
  --price ID:AMOUNT[:PRODUCT[:NAME]]
                           a monthly JPY price (repeatable; replaces the default
                           price_standard_monthly:3000:prod_standard:Standard)
  --webhook-url URL        send events to this endpoint
  --webhook-secret S       its signing secret, whsec_… (default: random, printed)
  --retry-delays MS,MS,…   waits before re-sending a failed delivery (default 100,400,1600)
  --dunning-days N         days from a failed renewal to the outcome (default 14)
  --dunning-outcome O      canceled (default) or unpaid
  --help                   show this text

More webhook endpoints: POST /__fake/webhook-endpoints {"url": …}. Clock and
failures: POST /__fake/advance-clock {"seconds": …}, /__fake/fail-next-renewal …`;

export interface CliConfig {
  help: boolean;
  options: StripeFakeOptions;
}

export function parsePrice(text: string): FakePrice {
  const [id = '', amount = '', product, ...name] = text.split(':');
  if (id === '' || !/^\d+$/.test(amount)) {
    throw new Error(`--price must look like ID:AMOUNT[:PRODUCT[:NAME]], e.g. price_pro:9800; got "${text}"`);
  }
  return {
    id,
    unitAmount: Number(amount),
    currency: 'jpy',
    interval: 'month',
    ...(product ? { product } : {}),
    ...(name.length > 0 ? { name: name.join(':') } : {}),
  };
}

function nonNegativeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new Error(`${flag} must be a number ≥ 0; got "${text}"`);
  return value;
}

export function parseCliArgs(argv: string[]): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...COMMON_ARGS,
      'api-key': { type: 'string' },
      price: { type: 'string', multiple: true },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'retry-delays': { type: 'string' },
      'dunning-days': { type: 'string' },
      'dunning-outcome': { type: 'string' },
    },
  });
  const options: StripeFakeOptions = listenOptions(values);
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  if (values.price !== undefined) options.prices = values.price.map(parsePrice);
  if (values['webhook-url'] !== undefined) options.webhookUrl = values['webhook-url'];
  if (values['webhook-secret'] !== undefined) options.webhookSecret = values['webhook-secret'];
  if (values['retry-delays'] !== undefined) {
    options.retryDelaysMs =
      values['retry-delays'] === ''
        ? []
        : values['retry-delays'].split(',').map((part) => nonNegativeNumber(part, '--retry-delays'));
  }
  if (values['dunning-days'] !== undefined)
    options.dunningDays = nonNegativeNumber(values['dunning-days'], '--dunning-days');
  const outcome = values['dunning-outcome'];
  if (outcome !== undefined) {
    if (outcome !== 'canceled' && outcome !== 'unpaid') throw new Error(`--dunning-outcome must be canceled or unpaid`);
    options.dunningOutcome = outcome as DunningOutcome;
  }
  return { help: values.help === true, options };
}
