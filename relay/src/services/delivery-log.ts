import { type Db, type DeliveryStatus, withTenant } from '@k2c/db';
import { AppError } from '../errors';
import { type DeliveryRow, FAILED_BODY_RETENTION_MS, findDelivery, notifyDeliveryWorkers } from '../queries/deliveries';
import { countDeliveriesPerDay, listDeliveryRows, requeueDelivery } from '../queries/delivery-log';

export interface DeliverySummary {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  appId: string;
  recordId: string;
  event: string;
  ruleId: string;
  ruleName: string;
  roomId: string;
  status: DeliveryStatus;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  chatworkMessageId: string | null;
  digestId: string | null;
  /** A failed delivery can be sent again while its message is kept; a held one resumes at once. */
  retryable: boolean;
  retryableUntil: string | null;
}

/** The log entry as people see it: the summary, never the message body. */
export function summarise(row: DeliveryRow): DeliverySummary {
  const retryWindowEnd =
    row.status === 'failed' && row.body !== null && row.finishedAt
      ? new Date(row.finishedAt.getTime() + FAILED_BODY_RETENTION_MS)
      : null;
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    appId: row.appId,
    recordId: row.recordId,
    event: row.event,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    roomId: row.roomId,
    status: row.status,
    attempts: row.attempts,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    chatworkMessageId: row.chatworkMessageId,
    digestId: row.digestId,
    retryable: row.status === 'held' || retryWindowEnd !== null,
    retryableUntil: retryWindowEnd?.toISOString() ?? null,
  };
}

export interface ListDeliveriesFilter {
  status?: DeliveryStatus | undefined;
  appId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

const MAX_PAGE = 100;

function encodeCursor(row: DeliveryRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError('invalid_request', 'The cursor is not valid');
  }
  return { createdAt, id };
}

/** One page of the tenant's delivery log, newest first. */
export async function listDeliveries(db: Db, tenantId: string, filter: ListDeliveriesFilter) {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
  const before = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  // One row more than asked tells whether another page follows.
  const rows = await withTenant(db, tenantId, (tx) =>
    listDeliveryRows(tx, tenantId, { ...filter, before, limit: limit + 1 }),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(summarise), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function getDelivery(db: Db, tenantId: string, id: string): Promise<DeliverySummary | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await withTenant(db, tenantId, (tx) => findDelivery(tx, tenantId, id));
  return row && summarise(row);
}

/** Sends a failed message again (within its retry window), or resumes a held one. */
export async function retryDelivery(db: Db, tenantId: string, id: string): Promise<DeliverySummary> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found', 'No such delivery');
  const result = await withTenant(db, tenantId, async (tx) => {
    const requeued = await requeueDelivery(tx, tenantId, id);
    if (requeued) await notifyDeliveryWorkers(tx);
    return { requeued, existing: requeued ? undefined : await findDelivery(tx, tenantId, id) };
  });
  if (result.requeued) return summarise(result.requeued);
  if (!result.existing) throw new AppError('not_found', 'No such delivery');
  throw new AppError('delivery_not_retryable', 'Only failed messages within 7 days, or held ones, can be sent again');
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Deliveries per day (Japan time) for the last `days` days, oldest first, days without any included. */
export async function deliveriesPerDay(db: Db, tenantId: string, days: number, now: Date) {
  const since = new Date(now.getTime() - days * 24 * 60 * 60_000);
  const counted = await withTenant(db, tenantId, (tx) => countDeliveriesPerDay(tx, tenantId, since));
  const byDate = new Map(counted.map((row) => [row.date, row]));
  return Array.from({ length: days }, (_, index) => {
    const date = dayFormat.format(new Date(now.getTime() - (days - 1 - index) * 24 * 60 * 60_000));
    const row = byDate.get(date);
    return { date, delivered: row?.delivered ?? 0, failed: row?.failed ?? 0, pending: row?.pending ?? 0 };
  });
}
