import type { SimApp, SimUser } from '../../kintone-simulator/index';

export const APP_NAME = '問い合わせ管理';

/**
 * A Japanese admin, a Japanese user, an English user (kintone's `language` decides the notices) and
 * an English admin (the settings screen in English).
 */
export const USERS: SimUser[] = [
  { code: 'admin', name: '管理者', language: 'ja', isAdmin: true },
  { code: 'sato', name: '佐藤', language: 'ja', isAdmin: false },
  { code: 'smith', name: 'John Smith', language: 'en', isAdmin: false },
  { code: 'alice', name: 'Alice', language: 'en', isAdmin: true },
];

export const STATUS = { open: '未対応', doing: '対応中', done: '完了' } as const;
export const ACTION = { start: '対応開始', finish: '完了にする' } as const;

/**
 * The app every runtime test saves records in: text, a drop-down, a number the rules never read
 * (it must never leave kintone), process management, and one existing record (id 1).
 */
export function inquiryApp(id: string, overrides: Partial<SimApp> = {}): SimApp {
  return {
    id,
    name: APP_NAME,
    fields: {
      title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
      priority: { type: 'DROP_DOWN', code: 'priority', label: '優先度', options: ['高', '中', '低'] },
      amount: { type: 'NUMBER', code: 'amount', label: '金額' },
      detail: { type: 'MULTI_LINE_TEXT', code: 'detail', label: '詳細' },
    },
    process: {
      states: [STATUS.open, STATUS.doing, STATUS.done],
      actions: [
        { name: ACTION.start, from: STATUS.open, to: STATUS.doing },
        { name: ACTION.finish, from: STATUS.doing, to: STATUS.done },
      ],
    },
    records: [
      {
        title: { value: '既存の問い合わせ' },
        priority: { value: '低' },
        amount: { value: '120000' },
        detail: { value: '最初からあるレコード' },
      },
    ],
    ...overrides,
  };
}
