import type { SimApp, SimUser } from '../index';

export const USERS: SimUser[] = [
  { code: 'admin', name: '管理者', email: 'admin@example.com' },
  { code: 'sato', name: '佐藤', language: 'en', isAdmin: false },
];

/** An app with the common field types, process management and one record. */
export function sampleApp(id: string, overrides: Partial<SimApp> = {}): SimApp {
  return {
    id,
    name: `Inquiries ${id}`,
    fields: {
      title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title', required: true },
      detail: { type: 'MULTI_LINE_TEXT', code: 'detail', label: 'Detail' },
      amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
      priority: { type: 'DROP_DOWN', code: 'priority', label: 'Priority', options: ['High', 'Low'] },
      tags: { type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: ['a', 'b'] },
      owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
      due: { type: 'DATE', code: 'due', label: 'Due' },
      items: {
        type: 'SUBTABLE',
        code: 'items',
        label: 'Items',
        fields: { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' } },
      },
    },
    process: { states: ['Open', 'Done'], actions: [{ name: 'Finish', from: 'Open', to: 'Done' }] },
    apiTokens: [`token-${id}`],
    records: [
      {
        title: { value: 'First inquiry' },
        priority: { value: 'High' },
        owner: { value: [{ code: 'sato', name: '佐藤' }] },
        items: { value: [{ value: { name: { value: 'row 1' } } }] },
      },
    ],
    ...overrides,
  };
}
