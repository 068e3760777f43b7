/**
 * The fake's clock: the `now` option (default Date.now) plus whatever advanceClock() added. Stripe
 * objects carry unix seconds; the fake keeps milliseconds internally and floors when rendering.
 */
export class FakeClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number) {}

  nowMs(): number {
    return this.base() + this.offsetMs;
  }

  nowSec(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Moves the clock to `ms`; never backwards (a due time already past leaves the clock alone). */
  moveTo(ms: number): void {
    if (ms > this.nowMs()) this.offsetMs = ms - this.base();
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * `months` calendar months after `anchorSec` (unix seconds), in UTC, keeping the anchor's day of
 * month where the target month has it and otherwise using its last day — Stripe's rule for
 * monthly billing anchored on the 29th–31st (Jan 31 → Feb 28 → Mar 31). Always computed from the
 * anchor, so a short month does not shift later periods.
 */
export function addMonths(anchorSec: number, months: number): number {
  const anchor = new Date(anchorSec * 1000);
  const totalMonths = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds()) / 1000;
}
