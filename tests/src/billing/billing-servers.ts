import { type ChatworkFake, startChatworkFake } from '../chatwork-fake/index';
import { DEFAULT_PRICE, type StripeFake, startStripeFake } from '../stripe-fake/index';
import { startTestRelayServer, type TestRelayServer } from '../support/index';

export interface BillingServers {
  chatwork: ChatworkFake;
  stripe: StripeFake;
  relay: TestRelayServer;
  close(): Promise<void>;
}

/**
 * A relay that bills through the local Stripe and posts to the local ChatWork (one account, room
 * 1001), with a small free quota to run into. Each test adds Stripe's webhook endpoint itself, so
 * it can put something between Stripe and the relay. `followStripeClock` gives the relay Stripe's
 * clock, so that moving Stripe a month on moves the relay's month on too.
 */
export async function startBillingServers(options: {
  chatworkToken: string;
  freeQuota: number;
  webhookSecret: string;
  followStripeClock?: boolean;
}): Promise<BillingServers> {
  const chatwork = await startChatworkFake();
  chatwork.addAccount({
    token: options.chatworkToken,
    accountId: '5001',
    name: '通知ボット',
    rooms: [{ roomId: '1001', name: '営業チーム', type: 'group', role: 'member' }],
  });
  const stripe = await startStripeFake();
  const relay = await startTestRelayServer({
    chatworkUrl: chatwork.url,
    env: {
      FREE_MONTHLY_QUOTA: String(options.freeQuota),
      STRIPE_SECRET_KEY: stripe.apiKey,
      STRIPE_API_URL: stripe.url,
      STRIPE_WEBHOOK_SECRET: options.webhookSecret,
      STRIPE_PRICE_STANDARD: DEFAULT_PRICE.id,
    },
    ...(options.followStripeClock ? { now: () => new Date(stripe.now()) } : {}),
  });
  return {
    chatwork,
    stripe,
    relay,
    async close() {
      await relay.close();
      await stripe.close();
      await chatwork.close();
    },
  };
}
