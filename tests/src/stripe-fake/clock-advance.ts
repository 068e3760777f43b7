import { endDunning, expireIncomplete, INCOMPLETE_EXPIRES_AFTER, renew } from './billing';
import type { FakeContext } from './context';
import type { Operation } from './events';
import { currentPeriod } from './render';

interface Due {
  /** Unix seconds. */
  at: number;
  /** Ties are run in this order: earlier dunning before a renewal at the same second. */
  rank: number;
  run: (op: Operation) => void;
}

function dueItems(ctx: FakeContext): Due[] {
  const items: Due[] = [];
  for (const invoice of ctx.store.invoices.values()) {
    const ends = invoice.dunningEndsAt;
    if (invoice.status === 'open' && ends !== null) {
      items.push({ at: ends, rank: 0, run: (op) => endDunning(ctx, op, invoice) });
    }
  }
  for (const subscription of ctx.store.subscriptions.values()) {
    // Unpaid subscriptions stop renewing in the fake (Stripe makes draft invoices it never charges).
    if (subscription.status === 'active' || subscription.status === 'past_due') {
      items.push({ at: currentPeriod(subscription).end, rank: 1, run: (op) => renew(ctx, op, subscription) });
    } else if (subscription.status === 'incomplete') {
      const at = subscription.created + INCOMPLETE_EXPIRES_AFTER;
      items.push({ at, rank: 2, run: (op) => expireIncomplete(ctx, op, subscription) });
    }
  }
  for (const session of ctx.store.sessions.values()) {
    if (session.status === 'open') {
      // Expiry sends checkout.session.expired in Stripe; the relay does not subscribe to it.
      const expire = () => {
        session.status = 'expired';
      };
      items.push({ at: session.expiresAt, rank: 3, run: expire });
    }
  }
  return items;
}

/** Upper bound on due items one advance may run, so a bug cannot spin forever. */
const MAX_STEPS = 100_000;

/**
 * Moves the clock `seconds` ahead. Everything that falls due on the way runs at its own moment
 * (the clock is set to it first), in time order, so a 3-month advance renews three times with
 * correct timestamps. All events of the advance form one operation.
 */
export function advanceClock(ctx: FakeContext, op: Operation, seconds: number): void {
  if (!Number.isFinite(seconds) || seconds < 0) throw new TypeError('seconds must be a finite number ≥ 0');
  const target = ctx.clock.nowMs() + seconds * 1000;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = dueItems(ctx)
      .filter((item) => item.at * 1000 <= target)
      .sort((a, b) => a.at - b.at || a.rank - b.rank)[0];
    if (!next) break;
    ctx.clock.moveTo(next.at * 1000);
    next.run(op);
  }
  ctx.clock.moveTo(target);
}
