import { describe, expect, it } from 'vitest';
import { noticeMessages } from '../i18n/messages';
import type { SendOutcome } from './outcome';
import { outcomeNotice } from './outcome-notice';

const relay = 'https://relay.example.com';
const billing = 'https://relay.example.com/dashboard/billing';

describe('outcomeNotice', () => {
  it('says nothing when the relay accepted the notification', () => {
    expect(outcomeNotice({ kind: 'accepted' }, 'ja', relay)).toBeNull();
    expect(outcomeNotice({ kind: 'accepted' }, 'en', relay)).toBeNull();
  });

  const cases: [SendOutcome, string[], string[]][] = [
    [{ kind: 'timeout', seconds: 5 }, ['5 秒', '遅れて届く'], ['5 seconds', 'may still arrive']],
    [{ kind: 'network' }, ['接続できません'], ['could not be reached']],
    [
      { kind: 'unauthorized' },
      ['接続キー', 'アプリの管理者', 'プラグインの設定'],
      ['connection key', 'app administrator', 'plug-in settings'],
    ],
    [{ kind: 'quota_exceeded' }, ['上限', billing], ['quota', billing]],
    [{ kind: 'plan_inactive' }, ['プラン', billing], ['plan is not active', billing]],
    [{ kind: 'too_large' }, ['大きすぎます'], ['too large']],
    [{ kind: 'rate_limited' }, ['集中'], ['too many']],
    [
      { kind: 'invalid_request', message: 'record.title: bad' },
      ['拒否', 'record.title: bad'],
      ['rejected', 'record.title: bad'],
    ],
    [
      { kind: 'kintone_read_failed', reason: 'unauthorized' },
      ['通知できませんでした', 'API トークン', 'kintone', 'アプリの管理者', 'プラグインの設定'],
      ['No ChatWork message was sent', "plug-in's API token", 'kintone', 'app administrator', 'plug-in settings'],
    ],
    [
      { kind: 'kintone_read_failed', reason: 'record_not_found' },
      ['通知できませんでした', 'レコードを見つけられません'],
      ['No ChatWork message was sent', 'could not find this record'],
    ],
    [
      { kind: 'kintone_unavailable' },
      ['通知できませんでした', 'kintone に接続できません', 'もう一度'],
      ['No ChatWork message was sent', 'could not reach kintone', 'again later'],
    ],
    [{ kind: 'server_error', status: 502 }, ['障害', 'HTTP 502'], ['problem', 'HTTP 502']],
    [{ kind: 'unexpected', status: 404 }, ['予期しない', 'HTTP 404'], ['unexpected', 'HTTP 404']],
  ];

  it.each(cases)('explains %j in Japanese and English', (outcome, ja, en) => {
    const japanese = outcomeNotice(outcome, 'ja', relay);
    const english = outcomeNotice(outcome, 'en', relay);
    for (const part of ja) expect(japanese).toContain(part);
    for (const part of en) expect(english).toContain(part);
    expect(japanese).not.toBe(english);
  });

  it('asks for the token to be checked for every read failure but a missing record', () => {
    for (const reason of ['unauthorized', 'host_not_allowed', 'rejected', 'invalid_response', '']) {
      expect(outcomeNotice({ kind: 'kintone_read_failed', reason }, 'ja', relay)).toBe(
        noticeMessages.ja.kintoneReadFailed,
      );
      expect(outcomeNotice({ kind: 'kintone_read_failed', reason }, 'en', relay)).toBe(
        noticeMessages.en.kintoneReadFailed,
      );
    }
    expect(outcomeNotice({ kind: 'kintone_read_failed', reason: 'record_not_found' }, 'en', relay)).toBe(
      noticeMessages.en.kintoneRecordNotFound,
    );
  });
});
