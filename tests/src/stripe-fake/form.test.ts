import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { addMonths } from './clock';
import { StripeApiError } from './errors';
import { canonicalForm, parseForm } from './form';
import { stripeSignatureHeader } from './signature';

describe('parseForm', () => {
  it('nests bracket notation the way the stripe client encodes it', () => {
    const body =
      'mode=subscription&line_items[0][price]=price_x&line_items[0][quantity]=1' +
      '&metadata[tenant_id]=t-1&subscription_data[metadata][tenant_id]=t-1' +
      '&success_url=https%3A%2F%2Fr.example%2Fdone%3Fsession_id%3D%7BCHECKOUT_SESSION_ID%7D&expand[0]=subscription';
    expect(parseForm(body)).toEqual({
      mode: 'subscription',
      line_items: [{ price: 'price_x', quantity: '1' }],
      metadata: { tenant_id: 't-1' },
      subscription_data: { metadata: { tenant_id: 't-1' } },
      success_url: 'https://r.example/done?session_id={CHECKOUT_SESSION_ID}',
      expand: ['subscription'],
    });
  });

  it('reads percent-encoded brackets, `a[]` lists and empty values', () => {
    expect(parseForm('metadata%5Bk%5D=v&expand[]=a&expand[]=b&metadata[gone]=')).toEqual({
      metadata: { k: 'v', gone: '' },
      expand: ['a', 'b'],
    });
  });

  it('refuses a name used as both a value and a hash, and prototype keys', () => {
    expect(() => parseForm('metadata=x&metadata[k]=v')).toThrow(StripeApiError);
    expect(() => parseForm('metadata[__proto__][x]=1')).toThrow(StripeApiError);
    expect(() => parseForm('a[b=1')).toThrow(StripeApiError);
  });

  it('gives the same canonical form whatever the key order', () => {
    expect(canonicalForm(parseForm('a=1&b[x]=2&b[y]=3'))).toBe(canonicalForm(parseForm('b[y]=3&a=1&b[x]=2')));
    expect(canonicalForm(parseForm('a=1'))).not.toBe(canonicalForm(parseForm('a=2')));
  });
});

describe('addMonths', () => {
  const at = (iso: string) => Date.parse(iso) / 1000;
  it('keeps the anchor day, clamping to short months without drifting', () => {
    const anchor = at('2026-01-31T03:00:00Z');
    expect(addMonths(anchor, 1)).toBe(at('2026-02-28T03:00:00Z'));
    expect(addMonths(anchor, 2)).toBe(at('2026-03-31T03:00:00Z'));
    expect(addMonths(anchor, 13)).toBe(at('2027-02-28T03:00:00Z'));
    expect(addMonths(at('2027-12-15T00:00:00Z'), 1)).toBe(at('2028-01-15T00:00:00Z'));
  });
});

describe('stripeSignatureHeader', () => {
  it('matches the stripe client’s own test header for the same payload, secret and time', () => {
    const stripe = new Stripe('sk_test_x');
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' }, null, 2);
    const secret = 'whsec_abc';
    const expected = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: 1_800_000_000 });
    expect(stripeSignatureHeader(payload, secret, 1_800_000_000)).toBe(expected);
  });
});
