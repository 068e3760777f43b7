import { randomUUID } from 'node:crypto';
import { type Db, withTenant } from '@k2c/db';
import { neutraliseNotation } from '@k2c/rules';
import { insertDelivery } from '../queries/deliveries';

export function testMessageBody(appName: string): string {
  const app = neutraliseNotation(appName.trim() || 'kintone');
  return (
    '[info][title]kintone2chatwork テスト送信 / Test message[/title]' +
    `このメッセージが届いていれば、「${app}」からの通知はこのルームに届きます。\n` +
    `If you can read this, notifications from "${app}" will arrive in this room.[/info]`
  );
}

/**
 * Queues the settings screen's test message through the same outbox and workers as real
 * notifications, so a success proves the whole path; it does not count against the quota.
 */
export async function sendTestMessage(db: Db, tenantId: string, input: { roomId: string; appName: string }) {
  const stored = await withTenant(db, tenantId, (tx) =>
    insertDelivery(tx, tenantId, {
      idempotencyKey: `test:${randomUUID()}`,
      appId: '0',
      recordId: '0',
      event: 'test',
      ruleId: 'test',
      ruleName: 'テスト送信 / Test message',
      roomId: input.roomId,
      body: testMessageBody(input.appName),
    }),
  );
  return { id: stored.id, status: stored.status };
}
