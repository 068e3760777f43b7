import { SALES_ROOM } from './sandbox-sample';
import type { Sandbox } from './sandbox-start';

/** What `pnpm sandbox` prints once everything runs: Japanese first, English second. */
export function formatSandboxBanner(sandbox: Pick<Sandbox, 'urls' | 'account'>): string {
  const { urls, account } = sandbox;
  return [
    '',
    'kintone2chatwork のお試し環境（サンドボックス）が起動しました。',
    `  レコード一覧            ${urls.recordList}`,
    `  レコードを追加          ${urls.createRecord}`,
    `  モバイル版の一覧        ${urls.mobileRecordList}`,
    `  プラグインの設定        ${urls.pluginSettings}`,
    `  ChatWork のメッセージ   ${urls.chatworkMessages}`,
    `  relay                   ${urls.relay}`,
    `  ダッシュボード          ${urls.relay}/login  （${account.email} / ${account.password}）`,
    `レコードを保存すると、ChatWork の「${SALES_ROOM.name}」ルームにメッセージが届きます。`,
    'kintone には管理者としてログインしています。データは起動するたびに初期化されます。Ctrl-C で停止します。',
    '',
    'The kintone2chatwork sandbox is running.',
    `  Record list             ${urls.recordList}`,
    `  Add a record            ${urls.createRecord}`,
    `  Mobile record list      ${urls.mobileRecordList}`,
    `  Plug-in settings        ${urls.pluginSettings}`,
    `  ChatWork messages       ${urls.chatworkMessages}`,
    `  Relay                   ${urls.relay}`,
    `  Dashboard               ${urls.relay}/login  (${account.email} / ${account.password})`,
    `Save a record and a message arrives in the ChatWork room "${SALES_ROOM.name}".`,
    'You are logged in to kintone as an administrator. The data starts afresh on every start. Ctrl-C stops it.',
    '',
  ].join('\n');
}
