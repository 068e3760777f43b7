import { describe, expect, it } from 'vitest';
import { noticeMessages } from '../../../plugin/src/i18n/messages';
import { gotoReady, notices, notificationCalls, waitForNotice, waitReady } from './runtime/pages';
import { ROOM_ID, rule } from './runtime/rules';
import { setUpRuntimeSuite, type UserCode } from './runtime/runtime-suite';

/** A free plan of one notification a month: the second save is refused with 402 quota_exceeded. */
describe('the monthly quota is used up', () => {
  const suite = setUpRuntimeSuite({ relayEnv: { FREE_MONTHLY_QUOTA: '1' } });

  it('tells the user, in their language, with the link to the billing page; the records are saved', async () => {
    const { sim, relay, chatwork } = suite;
    const appId = suite.addApp({ rules: [rule({ events: ['create'], template: '新規: {{title}}' })] });
    const billing = `${relay.url}/dashboard/billing`;

    const save = async (user: UserCode, title: string, recordId: number) => {
      const page = await suite.openPage(user);
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('件名').fill(title);
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, recordId));
      await waitReady(page);
      return page;
    };

    const first = await save('sato', '今月最初の通知', 2);
    const [message] = await chatwork.waitForMessages(1, { roomId: ROOM_ID, timeoutMs: 15_000 });
    expect(message?.body).toBe('新規: 今月最初の通知');
    expect(await notices(first)).toEqual([]);

    const ja = await save('sato', '上限を超えた通知', 3);
    expect(await waitForNotice(ja)).toEqual({ type: 'ERROR', message: noticeMessages.ja.quotaExceeded(billing) });
    expect((await waitForNotice(ja)).message).toContain(billing);

    const en = await save('smith', 'over the quota', 4);
    expect(await waitForNotice(en)).toEqual({ type: 'ERROR', message: noticeMessages.en.quotaExceeded(billing) });

    expect(notificationCalls(sim, appId).map((call) => [call.entry.status, call.response])).toEqual([
      [202, { deliveries: [expect.objectContaining({ status: 'queued' })] }],
      [402, { error: expect.objectContaining({ code: 'quota_exceeded' }) }],
      [402, { error: expect.objectContaining({ code: 'quota_exceeded' }) }],
    ]);
    expect(sim.records(appId).map((record) => record.title?.value)).toEqual([
      '既存の問い合わせ',
      '今月最初の通知',
      '上限を超えた通知',
      'over the quota',
    ]);
    expect(chatwork.messages(ROOM_ID)).toHaveLength(1);
  });
});
