export { DEFAULT_API_KEY, DEFAULT_DUNNING_DAYS, DEFAULT_PRICE, startStripeFake } from './server';
export { stripeSignatureHeader } from './signature';
export type {
  CheckoutAction,
  DunningOutcome,
  FakePrice,
  RecordedRequest,
  StripeFake,
  StripeFakeOptions,
  WebhookDelivery,
  WebhookEndpoint,
} from './types';
export { STRIPE_API_VERSION } from './types';
export { DEFAULT_RETRY_DELAYS_MS } from './webhooks';
