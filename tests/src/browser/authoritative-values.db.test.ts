import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { noticeMessages } from '../../../plugin/src/i18n/messages';
import { refusedUrl } from '../kintone-simulator/testing/http-receiver';
import { forgeNotification, newApiToken } from './authoritative/helpers';
import { createRecord, gotoReady, notices, notificationCalls, waitForNotice, waitReady } from './runtime/pages';
import { ROOM_ID, rule } from './runtime/rules';
import { setUpRuntimeSuite } from './runtime/runtime-suite';

const WAIT = { roomId: ROOM_ID, timeoutMs: 15_000 };
/** The relay's workers poll every 100 ms: after this long, a queued message would have been posted. */
const NOTHING_QUEUED_MS = 1_500;

/**
 * With a kintone API token in the stored proxy data, the relay reads the record back from kintone
 * and renders kintone's values: what the browser sends cannot change what a message says. When it
 * cannot read the record, nothing is sent and the user is told why, in their language.
 */
describe('authoritative values: messages say what kintone saved', () => {
  const suite = setUpRuntimeSuite({ relayEnv: { KINTONE_ALLOW_LOOPBACK: 'true' } });
  const titleRule = () => rule({ events: ['create', 'edit'], template: '{{$event}}: {{title}}（{{priority}}）' });

  function tokenApp(): { appId: string; token: string } {
    const token = newApiToken();
    return {
      appId: suite.addApp({ app: { apiTokens: [token] }, rules: [titleRule()], kintoneApiToken: token }),
      token,
    };
  }

  it('an edit on the desktop: the message has the values kintone saved', async () => {
    const { sim, chatwork } = suite;
    const { appId, token } = tokenApp();
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.edit(appId, 1));
    await page.getByLabel('件名').fill('編集後の件名');
    await page.getByLabel('優先度').selectOption('高');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.detail(appId, 1));

    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe('編集: 編集後の件名（高）');
    const [call] = notificationCalls(sim, appId);
    expect(call?.entry.status).toBe(202);
    // kintone's proxy added the stored token; the browser never had it.
    expect(call?.body.kintoneApiToken).toBe(token);
  });

  it('a mobile create: the message has the values kintone saved', async () => {
    const { sim, chatwork } = suite;
    const { appId } = tokenApp();
    const page = await suite.openPage('smith');
    await gotoReady(page, sim.urls.mobileCreate(appId));
    await page.getByLabel('件名').fill('モバイルから');
    await page.getByLabel('優先度').selectOption('中');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.mobileDetail(appId, 2));
    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe('新規作成: モバイルから（中）');
  });

  describe('forged values from the browser’s developer tools', () => {
    const forged = (appId: string) => ({
      event: 'edit',
      appId,
      recordId: '1',
      revision: '1',
      record: {
        title: { type: 'SINGLE_LINE_TEXT', value: 'FORGED' },
        priority: { type: 'DROP_DOWN', value: '高' },
      },
    });

    async function forgeFromRecordPage(appId: string): Promise<{ status: number; body: string }> {
      const { sim, relay } = suite;
      const page = await suite.openPage('sato');
      await gotoReady(page, sim.urls.detail(appId, 1));
      return forgeNotification(page, sim, relay.url, forged(appId));
    }

    it('with a token: the message shows kintone’s real values, not the forged ones', async () => {
      const { sim, chatwork } = suite;
      const { appId } = tokenApp();
      const answer = await forgeFromRecordPage(appId);
      expect(answer.status).toBe(202);
      expect(JSON.parse(answer.body)).toMatchObject({ deliveries: [{ status: 'queued', duplicate: false }] });

      const [message] = await chatwork.waitForMessages(1, WAIT);
      expect(message?.body).toBe('編集: 既存の問い合わせ（低）');
      // The relay did receive the forgery: it just did not believe it.
      const [call] = notificationCalls(sim, appId);
      expect(call?.body.record?.title?.value).toBe('FORGED');
      await sleep(NOTHING_QUEUED_MS);
      expect(chatwork.messages().map((posted) => posted.body)).toEqual(['編集: 既存の問い合わせ（低）']);
    });

    it('without a token (for contrast): the forged values are what the message says', async () => {
      const { chatwork } = suite;
      const appId = suite.addApp({ rules: [titleRule()] });
      const answer = await forgeFromRecordPage(appId);
      expect(answer.status).toBe(202);
      const [message] = await chatwork.waitForMessages(1, WAIT);
      expect(message?.body).toBe('編集: FORGED（高）');
    });
  });

  describe.each([
    { user: 'sato', language: 'ja' },
    { user: 'smith', language: 'en' },
  ] as const)('for a user whose kintone language is $language', ({ user, language }) => {
    const text = noticeMessages[language];

    it('a token the app does not accept: the kintone_read_failed notice, and nothing reaches ChatWork', async () => {
      const { sim, chatwork } = suite;
      const appId = suite.addApp({
        app: { apiTokens: [newApiToken()] },
        rules: [titleRule()],
        kintoneApiToken: newApiToken(),
      });
      const page = await suite.openPage(user);
      await createRecord(page, suite.sim, appId, `間違ったトークン ${language}`);

      expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: text.kintoneReadFailed });
      const [call] = notificationCalls(sim, appId);
      expect(call?.entry.status).toBe(422);
      expect(call?.response).toMatchObject({
        error: { code: 'kintone_read_failed', details: { reason: 'unauthorized' } },
      });
      expect(sim.records(appId).map((record) => record.title?.value)).toContain(`間違ったトークン ${language}`);
      await sleep(NOTHING_QUEUED_MS);
      expect(chatwork.messages()).toEqual([]);
      // Shown once: the next screen does not repeat it.
      await page.reload();
      await waitReady(page);
      expect(await notices(page)).toEqual([]);
    });

    it('kintone cannot be reached: the kintone_unavailable notice, and nothing reaches ChatWork', async () => {
      const { sim, chatwork } = suite;
      const token = newApiToken();
      // The relay reads from the stored kintone host; here nothing listens there.
      const appId = suite.addApp({
        app: { apiTokens: [token] },
        rules: [titleRule()],
        kintoneApiToken: token,
        kintoneHost: new URL(await refusedUrl()).host,
      });
      const page = await suite.openPage(user);
      await createRecord(page, suite.sim, appId, `kintone に届かない ${language}`);

      expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: text.kintoneUnavailable });
      const [call] = notificationCalls(sim, appId);
      expect(call?.entry.status).toBe(503);
      expect(call?.response).toMatchObject({ error: { code: 'kintone_unavailable' } });
      await sleep(NOTHING_QUEUED_MS);
      expect(chatwork.messages()).toEqual([]);
    });
  });

  it('a record kintone does not have: the relay says record_not_found, and nothing is sent', async () => {
    const { sim, relay, chatwork } = suite;
    const { appId } = tokenApp();
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.detail(appId, 1));
    const answer = await forgeNotification(page, sim, relay.url, {
      event: 'edit',
      appId,
      recordId: '999',
      revision: '1',
      record: { title: { type: 'SINGLE_LINE_TEXT', value: 'FORGED' } },
    });
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'kintone_read_failed', details: { reason: 'record_not_found' } },
    });
    await sleep(NOTHING_QUEUED_MS);
    expect(chatwork.messages()).toEqual([]);
  });
});
