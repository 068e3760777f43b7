/**
 * Notifications as kintone's proxy delivers them (stored rules merged in), each carrying a marker
 * `rec#<recordId>#` in its message, so what ChatWork received can be checked record by record
 * whether the relay sent it alone or inside a digest.
 */

export interface LoadNotificationInput {
  recordId: number;
  roomId: string;
  appId?: string;
}

const MARKER = /rec#(\d+)#/g;

export function markerOf(recordId: number): string {
  return `rec#${recordId}#`;
}

/** The body of `POST /v1/notifications`: one rule that posts this record to `roomId`. */
export function loadNotification(input: LoadNotificationInput) {
  const rules = {
    version: 1,
    rules: [
      {
        id: 'r1',
        name: '負荷試験',
        enabled: true,
        events: ['create', 'edit'],
        roomId: input.roomId,
        template: '[info][title]{{$appName}}: {{title}}[/title]rec#{{$recordId}}# {{detail}}[/info]',
        conditions: { match: 'all', items: [] },
        changedFields: [],
        mentions: { accountIds: [], toAll: false, userMap: {} },
      },
    ],
  };
  return {
    event: 'create',
    appId: input.appId ?? '12',
    recordId: String(input.recordId),
    revision: '1',
    record: {
      title: { type: 'SINGLE_LINE_TEXT', value: '見積もり依頼' },
      detail: { type: 'MULTI_LINE_TEXT', value: '10台分の見積もりをお願いします' },
    },
    user: { code: 'sato', name: '佐藤' },
    rules: JSON.stringify(rules),
    kintoneHost: 'example.cybozu.com',
    appName: '問い合わせ管理',
  };
}

/** How many times each record's marker appears across `bodies`. */
export function countRecords(bodies: Iterable<string>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const body of bodies) {
    for (const match of body.matchAll(MARKER)) {
      const id = Number(match[1]);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

export interface DeliveryAudit {
  expected: number;
  /** Records that never reached ChatWork. */
  lost: number[];
  /** Records that reached ChatWork more than once, with how many extra copies. */
  duplicated: { recordId: number; copies: number }[];
  /** Copies beyond the first, summed over all records. */
  extraCopies: number;
}

/** Compares what ChatWork received with the records whose notification the relay accepted. */
export function auditDeliveries(expected: Iterable<number>, bodies: Iterable<string>): DeliveryAudit {
  const counts = countRecords(bodies);
  const ids = [...expected];
  const lost = ids.filter((id) => !counts.has(id));
  const duplicated = ids
    .filter((id) => (counts.get(id) ?? 0) > 1)
    .map((recordId) => ({ recordId, copies: counts.get(recordId) ?? 0 }));
  return {
    expected: ids.length,
    lost,
    duplicated,
    extraCopies: duplicated.reduce((sum, entry) => sum + entry.copies - 1, 0),
  };
}

/** Whether every expected record has reached ChatWork at least once. */
export function allArrived(expected: Iterable<number>, bodies: Iterable<string>): boolean {
  const counts = countRecords(bodies);
  for (const id of expected) if (!counts.has(id)) return false;
  return true;
}
