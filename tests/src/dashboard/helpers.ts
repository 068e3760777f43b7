import { type Db, deliveries, usageCounters, users, withTenant } from '@k2c/db';
import { and, eq, sql } from '@k2c/db/operators';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console lines about Content Security Policy violations: there must be none. */
  cspViolations: string[];
  /** Uncaught script errors on any page. */
  pageErrors: string[];
}

/** A 1280×900 page like a desk browser's, watching the console for CSP violations and script errors. */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    acceptDownloads: true,
    ...options,
  });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, context, cspViolations, pageErrors };
}

export async function tenantIdOf(db: Db, email: string): Promise<string> {
  const [user] = await db.select({ tenantId: users.tenantId }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.tenantId;
}

const DAY_MS = 24 * 60 * 60_000;

const japanMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' });
const japanDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' });

function monthOf(at: Date): string {
  const parts = Object.fromEntries(japanMonth.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}`;
}

/**
 * A month of plausible history for one tenant, so the overview's chart and the log look like a
 * company's: a few notifications a working day, and three failures (a room the account may not
 * post in). This month's usage counter is raised to match, as the relay would have counted them.
 */
export async function seedDeliveryHistory(db: Db, tenantId: string, now: Date) {
  const rules = [
    { ruleId: 'r1', ruleName: '新規問い合わせ', roomId: '1001', appId: '12' },
    { ruleId: 'r2', ruleName: '案件ステータス更新', roomId: '1002', appId: '15' },
    { ruleId: 'r3', ruleName: '見積もり承認', roomId: '1001', appId: '21' },
  ];
  const rows: (typeof deliveries.$inferInsert)[] = [];
  for (let daysAgo = 29; daysAgo >= 1; daysAgo--) {
    const day = new Date(now.getTime() - daysAgo * DAY_MS);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const count = weekend ? daysAgo % 2 : 3 + ((daysAgo * 7) % 5);
    for (let n = 0; n < count; n++) {
      const rule = rules[(daysAgo + n) % rules.length] ?? rules[0];
      if (!rule) continue;
      // Office hours in Japan: from 9:20, one every hour and a half or so.
      const createdAt = new Date(new Date(`${japanDate.format(day)}T09:20:00+09:00`).getTime() + n * 97 * 60_000);
      const failed = (daysAgo === 1 && n === count - 2) || (daysAgo === 6 && n === 0) || (daysAgo === 13 && n === 1);
      rows.push({
        tenantId,
        idempotencyKey: `seed-${daysAgo}-${n}`,
        appId: rule.appId,
        recordId: String(100 + daysAgo * 3 + n),
        event: n % 3 === 2 ? 'status' : n % 2 === 0 ? 'create' : 'edit',
        ruleId: rule.ruleId,
        ruleName: rule.ruleName,
        roomId: failed ? '1003' : rule.roomId,
        status: failed ? 'failed' : 'delivered',
        attempts: 1,
        errorCode: failed ? 'chatwork_forbidden' : null,
        errorMessage: failed ? "You don't have permission to send messages in this room" : null,
        chatworkMessageId: failed ? null : String(1_700_000_000 + daysAgo * 100 + n),
        createdAt,
        nextAttemptAt: createdAt,
        finishedAt: new Date(createdAt.getTime() + 1_500),
      });
    }
  }
  const month = monthOf(now);
  const thisMonth = rows.filter((row) => row.createdAt && monthOf(row.createdAt) === month).length;
  await withTenant(db, tenantId, async (tx) => {
    await tx.insert(deliveries).values(rows);
    // Added to the counter row the month already has (the one notification sent before seeding
    // made it; the relay may spread a month over several rows), or a new one.
    const bumped = await tx
      .update(usageCounters)
      .set({ messages: sql`${usageCounters.messages} + ${thisMonth}` })
      .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.month, month)))
      .returning({ messages: usageCounters.messages });
    if (bumped.length === 0) await tx.insert(usageCounters).values({ tenantId, month, messages: thisMonth });
  });
  return { total: rows.length, thisMonth, failed: rows.filter((row) => row.status === 'failed').length };
}
