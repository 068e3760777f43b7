import type { Rule, RuleSet } from '../../rules/src/index';
import type { FakeAccount } from '../../tests/src/chatwork-fake/index';
import type { SimApp, SimUser } from '../../tests/src/kintone-simulator/index';

// The sample data of `pnpm sandbox`: what a Japanese team would have on day one.

export const SAMPLE_APP_ID = '1';
export const SAMPLE_APP_NAME = '案件管理';

export const SANDBOX_CHATWORK_TOKEN = 'sandbox-chatwork-token';
export const SALES_ROOM = { roomId: '1001', name: '営業チーム' } as const;
export const NEWS_ROOM = { roomId: '1002', name: 'お知らせ' } as const;

export const SANDBOX_ACCOUNT = {
  email: 'sandbox@example.com',
  password: 'sandbox-passphrase',
  companyName: 'サンドボックス株式会社',
} as const;

/** Japanese admin first: the simulator opens pages as its first user when nobody logged in. */
export const SANDBOX_USERS: SimUser[] = [
  { code: 'admin', name: '管理者 太郎', language: 'ja', isAdmin: true, email: 'admin@example.com' },
  { code: 'sato', name: '佐藤 花子', language: 'ja', isAdmin: false },
  { code: 'suzuki', name: '鈴木 一郎', language: 'ja', isAdmin: false },
];

export const SANDBOX_CHATWORK_ACCOUNT: FakeAccount = {
  token: SANDBOX_CHATWORK_TOKEN,
  accountId: '9001',
  name: 'kintone通知ボット',
  rooms: [
    { ...SALES_ROOM, type: 'group', role: 'member' },
    // The bot may read but not post here, as in many companies' announcement rooms.
    { ...NEWS_ROOM, type: 'group', role: 'readonly' },
  ],
};

/** Field codes are the Japanese labels, as kintone names new fields by default. */
export function sampleApp(): SimApp {
  return {
    id: SAMPLE_APP_ID,
    name: SAMPLE_APP_NAME,
    fields: {
      件名: { type: 'SINGLE_LINE_TEXT', code: '件名', label: '件名', required: true },
      詳細: { type: 'MULTI_LINE_TEXT', code: '詳細', label: '詳細' },
      優先度: { type: 'DROP_DOWN', code: '優先度', label: '優先度', options: ['高', '中', '低'] },
      担当者: { type: 'USER_SELECT', code: '担当者', label: '担当者' },
      期日: { type: 'DATE', code: '期日', label: '期日' },
    },
    process: {
      states: ['未対応', '対応中', '完了'],
      actions: [
        { name: '対応開始', from: '未対応', to: '対応中' },
        { name: '完了にする', from: '対応中', to: '完了' },
      ],
    },
    records: [
      {
        件名: { value: 'サンプル: 見積もりの依頼' },
        詳細: { value: '10台分の見積もりを来週までにお願いします。' },
        優先度: { value: '中' },
        担当者: { value: [{ code: 'sato', name: '佐藤 花子' }] },
        期日: { value: '2026-12-25' },
      },
    ],
  };
}

export function sampleRule(): Rule {
  return {
    id: 'sample',
    name: '案件の登録・更新・ステータス変更',
    enabled: true,
    events: ['create', 'edit', 'status'],
    roomId: SALES_ROOM.roomId,
    template:
      '[info][title]{{$appName}}: {{件名}}（{{$event}}）[/title]' +
      '優先度: {{優先度}}　担当者: {{担当者}}　期日: {{期日}}\n' +
      '更新した人: {{$user}}\n{{$recordUrl}}[/info]',
    conditions: { match: 'all', items: [] },
    changedFields: [],
    mentions: { accountIds: [], toAll: false, userMap: {} },
  };
}

export function sampleRuleSet(): RuleSet {
  return { version: 1, rules: [sampleRule()] };
}
