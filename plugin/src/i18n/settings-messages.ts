// Every text of the plug-in settings screen, Japanese first. `data-i18n` keys in config.html name
// the plain strings at the top level; the rest is used by the screen's modules.

import type { BuiltInPlaceholder, ConditionOperator, NotificationEvent } from '@k2c/rules';
import type { Language } from './messages';

export type { Language };

type Text = string;

export interface SettingsCatalogue {
  // Page
  title: Text;
  intro: Text;
  loading: Text;
  fieldsUnavailable: Text;
  rulesUnreadable: Text;
  unknownSchemaVersion: Text;

  // Connection
  connectionHeading: Text;
  connectionHelp: Text;
  relayUrlLabel: Text;
  relayUrlHelp: Text;
  connectionKeyLabel: Text;
  connectionKeyHelp: Text;
  storedKey(masked: string): string;
  replaceKey: Text;
  keepKey: Text;
  newKeyLabel: Text;
  newKeyHelp: Text;
  verify: Text;
  verifying: Text;
  connectionOk: Text;
  companyLabel: Text;
  planLabel: Text;
  usageLabel: Text;
  chatworkLabel: Text;
  usage(used: number, quota: number): string;
  planName(code: string): string;
  chatworkAccount(name: string, accountId: string): string;
  chatworkNotConnected: Text;
  needConnection: Text;

  // kintone API token (optional; proxy data only)
  apiTokenLabel: Text;
  apiTokenHelp: Text;
  apiTokenWhere: Text;
  storedApiToken(masked: string): string;
  replaceApiToken: Text;
  removeApiToken: Text;
  keepApiToken: Text;
  newApiTokenLabel: Text;
  newApiTokenHelp: Text;
  apiTokenRemoved: Text;
  undoRemoveApiToken: Text;

  // Relay failures (shown next to the action that failed)
  failUnreachable: Text;
  failServer(status: number): string;
  failUnauthorized: Text;
  failNotRelay: Text;
  failUnexpected(status: number): string;
  failError(message: string, code: string): string;
  failChatworkNotConnected: Text;
  failChatworkTokenRejected: Text;
  failChatworkUnavailable: Text;

  // Rule list
  rulesHeading: Text;
  rulesHelp: Text;
  colOrder: Text;
  colName: Text;
  colEvents: Text;
  colRoom: Text;
  colEnabled: Text;
  colActions: Text;
  noRules: Text;
  addRule: Text;
  untitled: Text;
  editRule(name: string): string;
  duplicateRule(name: string): string;
  moveUp(name: string): string;
  moveDown(name: string): string;
  deleteRule(name: string): string;
  toggleEnabled(name: string): string;
  copySuffix: Text;
  rulesLimit(max: number): string;
  roomUnset: Text;
  needsAttention: Text;
  selectedRule: Text;
  ruleDeleted(name: string): string;
  ruleMoved(name: string, position: number): string;

  // Delete confirmation
  deleteTitle: Text;
  deleteBody(name: string): string;
  deleteConfirm: Text;
  dialogCancel: Text;

  // Rule editor
  editorHeading(name: string): string;
  editorEmpty: Text;
  ruleNameLabel: Text;
  ruleNameHelp: Text;
  enabledLabel: Text;
  eventsLabel: Text;
  events: Record<NotificationEvent, string>;
  roomLabel: Text;
  roomHelp: Text;
  roomSearchLabel: Text;
  roomSearchPlaceholder: Text;
  roomListLabel: Text;
  roomIdLabel: Text;
  roomIdHelp: Text;
  roomsNotLoaded: Text;
  roomsLoading: Text;
  roomsNoMatch: Text;
  roomsUnavailable(reason: string): string;
  roomTypes: Record<string, string>;
  roomReadonly: Text;
  roomOption(name: string, type: string, roomId: string): string;
  roomChosen(name: string, type: string): string;
  roomNotInList: Text;
  testSend: Text;
  testSending: Text;
  testStatus(status: string): string;
  testDelivered: Text;
  testFailed(reason: string): string;
  testPending: Text;
  testNeedRoom: Text;
  unknownReason: Text;
  deliveryErrors: Record<string, string>;
  templateLabel: Text;
  templateHelp: Text;
  insertField: Text;

  // Field picker
  pickerTitle: Text;
  pickerHelp: Text;
  pickerSearchLabel: Text;
  pickerAppFields: Text;
  pickerBuiltIns: Text;
  pickerClose: Text;
  pickerNoMatch: Text;
  pickerInsert(label: string, code: string): string;
  builtIns: Record<BuiltInPlaceholder, string>;
  fieldTypes: Record<string, string>;

  // Conditions
  conditionsLabel: Text;
  conditionsHelp: Text;
  matchLegend: Text;
  matchAll: Text;
  matchAny: Text;
  conditionGroup(n: number): string;
  conditionField(n: number): string;
  conditionOp(n: number): string;
  conditionValue(n: number): string;
  removeCondition(n: number): string;
  chooseField: Text;
  chooseOperator: Text;
  chooseOption: Text;
  addCondition: Text;
  noConditions: Text;
  ops: Record<ConditionOperator, string>;
  multiOps: Partial<Record<ConditionOperator, string>>;
  dateOps: Partial<Record<ConditionOperator, string>>;
  listHint: Text;
  userCodeHint: Text;
  datetimeHint: Text;

  // Changed fields
  changedLabel: Text;
  changedHelp: Text;
  changedNeedsEdit: Text;
  changedNoFields: Text;

  // Mentions
  mentionsLabel: Text;
  mentionIdsLabel: Text;
  mentionIdsHelp: Text;
  toAllLabel: Text;
  userFieldLabel: Text;
  userFieldHelp: Text;
  userFieldNone: Text;
  userMapLabel: Text;
  userMapCode: Text;
  userMapAccount: Text;
  userMapCodeRow(n: number): string;
  userMapAccountRow(n: number): string;
  removeUserMap(n: number): string;
  addUserMap: Text;

  // Preview
  previewHeading: Text;
  previewHelp: Text;
  previewEventLabel: Text;
  previewButton: Text;
  previewing: Text;
  previewFromRecord(recordId: string): string;
  previewFromSample: Text;
  previewWouldSend: Text;
  previewWouldNotSend: Text;
  previewDisabled: Text;
  previewRoom(roomId: string): string;
  previewInvalid: Text;
  previewNoRules: Text;
  sampleText(label: string): string;
  sampleStatus: StatusTexts;

  // Save
  save: Text;
  cancel: Text;
  saving: Text;
  checking: Text;
  saved: Text;
  saveFailed(reason: string): string;
  fixErrors: Text;
  ruleHasProblems(name: string): string;

  errors: {
    relayUrlRequired: Text;
    relayUrlInvalid: Text;
    relayUrlInsecure: Text;
    relayUnreachable: Text;
    relayNotRelay: Text;
    relayUnexpected: Text;
    keyRequired: Text;
    keyInvalid: Text;
    keyRejected: Text;
    apiTokenInvalid: Text;
    apiTokenTooLong(max: number): string;
    tooManyRules(max: number): string;
    rulesTooLarge: Text;
    nameTooLong(max: number): string;
    eventsRequired: Text;
    roomRequired: Text;
    roomIdInvalid: Text;
    roomUnknown(roomId: string): string;
    roomReadonly(name: string): string;
    templateRequired: Text;
    templateTooLong(max: number): string;
    unknownPlaceholders(names: string[]): string;
    tooManyConditions(max: number): string;
    conditionFieldRequired: Text;
    conditionFieldUnknown(code: string): string;
    conditionOpRequired: Text;
    conditionOpInvalid: Text;
    conditionValueRequired: Text;
    conditionValueTooLong(max: number): string;
    conditionTooManyValues(max: number): string;
    tooManyChangedFields(max: number): string;
    changedFieldsUnknown(codes: string[]): string;
    mentionIdsInvalid(ids: string[]): string;
    tooManyMentionIds(max: number): string;
    userFieldUnknown(code: string): string;
    userMapCodeRequired: Text;
    userMapAccountInvalid: Text;
    userMapDuplicate(code: string): string;
    tooManyUserMapRows(max: number): string;
    relayIssue(path: string, message: string): string;
  };
}

export interface StatusTexts {
  from: string;
  to: string;
  action: string;
}

const braces = (name: string) => `{{${name}}}`;

const ja: SettingsCatalogue = {
  title: 'kintone2chatwork の設定',
  intro: 'レコードが保存されたときに、ルールに従って ChatWork のルームへメッセージを送ります。',
  loading: '読み込んでいます…',
  fieldsUnavailable:
    'アプリのフィールド一覧を取得できませんでした。フィールドの選択肢は表示されず、テンプレートのフィールドコードも確認しません。',
  rulesUnreadable: '保存済みのルールを読み込めませんでした。保存すると、この画面のルールで上書きされます。',
  unknownSchemaVersion:
    'この設定は新しいバージョンのプラグインで保存されています。保存すると古い形式で上書きされます。',

  connectionHeading: '接続',
  connectionHelp: '通知サービス（relay）の URL と、ダッシュボードで発行した接続キーを入力します。',
  relayUrlLabel: '通知サービスの URL',
  relayUrlHelp: 'https:// で始まる URL です（開発用に限り http://localhost も使えます）。',
  connectionKeyLabel: '接続キー',
  connectionKeyHelp: 'キーは kintone のプロキシ設定にだけ保存され、アプリの利用者には見えません。',
  storedKey: (masked) => `保存済みのキー: ${masked}`,
  replaceKey: 'キーを置き換える',
  keepKey: '保存済みのキーを使う',
  newKeyLabel: '新しい接続キー',
  newKeyHelp: '空欄のままにすると、保存済みのキーを使います。',
  verify: '接続を確認',
  verifying: '確認しています…',
  connectionOk: '通知サービスに接続できました。',
  companyLabel: '会社',
  planLabel: 'プラン',
  usageLabel: '今月の通知数',
  chatworkLabel: 'ChatWork アカウント',
  usage: (used, quota) => `${used.toLocaleString('ja-JP')} / ${quota.toLocaleString('ja-JP')} 件`,
  planName: (code) => ({ free: 'フリー', standard: 'スタンダード' })[code] ?? code,
  chatworkAccount: (name, accountId) => `${name}（アカウント ID: ${accountId}）`,
  chatworkNotConnected: 'ChatWork はまだ接続されていません。ダッシュボードで接続してください。',
  needConnection: '先に通知サービスの URL と接続キーを入力してください。',

  apiTokenLabel: 'kintone API トークン（任意）',
  apiTokenHelp:
    '設定すると、通知サービスがこのトークンで保存されたレコードを kintone から読み直し、kintone に保存された値でメッセージを作ります。アプリの利用者が値を偽って通知を送れなくなるため、設定をおすすめします。',
  apiTokenWhere:
    '必要なアクセス権は「レコード閲覧」だけです。kintone の「アプリの設定」→「API トークン」で生成し、「アプリを更新」してから貼り付けてください。トークンは kintone のプロキシ設定にだけ保存され、アプリの利用者が読めるプラグインの設定には入りません。',
  storedApiToken: (masked) => `保存済みのトークン: ${masked}`,
  replaceApiToken: 'トークンを置き換える',
  removeApiToken: 'トークンを削除',
  keepApiToken: '保存済みのトークンを使う',
  newApiTokenLabel: '新しい kintone API トークン',
  newApiTokenHelp: '空欄のままにすると、保存済みのトークンを使います。',
  apiTokenRemoved: '保存すると API トークンを削除します。以後、メッセージにはブラウザーから送られた値を使います。',
  undoRemoveApiToken: '削除を取り消す',

  failUnreachable: '通知サービスに接続できません。URL を確認してください。',
  failServer: (status) => `通知サービスでエラーが発生しています (HTTP ${status})。しばらくしてから再度お試しください。`,
  failUnauthorized: '接続キーが正しくないか、取り消されています。ダッシュボードで発行したキーを入力してください。',
  failNotRelay: 'この URL には kintone2chatwork の通知サービスが見つかりません。URL を確認してください。',
  failUnexpected: (status) => `通知サービスから予期しない応答がありました (HTTP ${status})。`,
  failError: (message, code) => `通知サービスがエラーを返しました: ${message}（${code}）`,
  failChatworkNotConnected: 'ChatWork はまだ接続されていません。ダッシュボードで接続してください。',
  failChatworkTokenRejected:
    'ChatWork が API トークンを受け付けませんでした。ダッシュボードで新しいトークンを登録してください。',
  failChatworkUnavailable: 'ChatWork に接続できません。しばらくしてから再度お試しください。',

  rulesHeading: '通知ルール',
  rulesHelp: '保存されたレコードがルールの条件に合うと、ルールごとに 1 通のメッセージを送ります。',
  colOrder: '順番',
  colName: 'ルール名',
  colEvents: 'タイミング',
  colRoom: 'ルーム',
  colEnabled: '有効',
  colActions: '操作',
  noRules: 'ルールがありません。「ルールを追加」で作成してください。',
  addRule: 'ルールを追加',
  untitled: '（名前なし）',
  editRule: (name) => `「${name}」を編集`,
  duplicateRule: (name) => `「${name}」を複製`,
  moveUp: (name) => `「${name}」を上へ移動`,
  moveDown: (name) => `「${name}」を下へ移動`,
  deleteRule: (name) => `「${name}」を削除`,
  toggleEnabled: (name) => `「${name}」を有効にする`,
  copySuffix: ' のコピー',
  rulesLimit: (max) => `ルールは ${max} 件までです。`,
  roomUnset: '未設定',
  needsAttention: '要確認',
  selectedRule: '編集中',
  ruleDeleted: (name) => `「${name}」を削除しました。保存するまで設定には反映されません。`,
  ruleMoved: (name, position) => `「${name}」を ${position} 番目に移動しました。`,

  deleteTitle: 'ルールを削除しますか？',
  deleteBody: (name) => `「${name}」を一覧から削除します。保存せずにキャンセルすれば元に戻ります。`,
  deleteConfirm: '削除する',
  dialogCancel: 'キャンセル',

  editorHeading: (name) => `ルールの編集: ${name}`,
  editorEmpty: '一覧からルールを選ぶか、ルールを追加してください。',
  ruleNameLabel: 'ルール名',
  ruleNameHelp: '配信ログに表示される名前です（省略可）。',
  enabledLabel: 'このルールを有効にする',
  eventsLabel: '通知するタイミング',
  events: { create: '作成', edit: '編集', status: 'ステータス変更' },
  roomLabel: 'ChatWork のルーム',
  roomHelp: '一覧から選ぶか、ルーム ID を直接入力します。',
  roomSearchLabel: 'ルームを検索',
  roomSearchPlaceholder: 'ルーム名または ID',
  roomListLabel: 'ルームの一覧',
  roomIdLabel: 'ルーム ID',
  roomIdHelp: 'ルームの URL の「#!rid」に続く数字です。',
  roomsNotLoaded: '「接続を確認」を押すと、ルームを一覧から選べます。',
  roomsLoading: 'ルームの一覧を読み込んでいます…',
  roomsNoMatch: '該当するルームがありません。',
  roomsUnavailable: (reason) => `ルームの一覧を取得できませんでした: ${reason}`,
  roomTypes: { my: 'マイチャット', direct: 'ダイレクトチャット', group: 'グループチャット' },
  roomReadonly: '閲覧のみ・投稿できません',
  roomOption: (name, type, roomId) => `${name}（${type}・${roomId}）`,
  roomChosen: (name, type) => `選択中のルーム: ${name}（${type}）`,
  roomNotInList: 'このルーム ID は一覧にありません。',
  testSend: 'このルームにテスト送信',
  testSending: 'テストメッセージを送信しています…',
  testStatus: (status) =>
    `送信状況: ${({ queued: '送信待ち', sending: '送信中' } as Record<string, string>)[status] ?? status}`,
  testDelivered: 'テストメッセージを送信しました（配信済み）。ChatWork のルームを確認してください。',
  testFailed: (reason) => `テストメッセージを送信できませんでした: ${reason}`,
  testPending: 'まだ配信されていません。しばらくしてからダッシュボードの配信ログで確認してください。',
  testNeedRoom: '先にルーム ID を入力してください。',
  unknownReason: '理由はわかりません。',
  deliveryErrors: {
    chatwork_forbidden: 'このルームに投稿する権限がありません（閲覧のみのメンバーなど）。',
    chatwork_room_not_found: 'ルームが見つかりません。ルーム ID を確認してください。',
    chatwork_not_connected: 'ChatWork が接続されていません。ダッシュボードで接続してください。',
    chatwork_token_rejected: 'ChatWork が API トークンを受け付けませんでした。ダッシュボードで登録し直してください。',
    chatwork_unavailable: 'ChatWork に接続できませんでした。',
  },
  templateLabel: 'メッセージ',
  templateHelp:
    '{{フィールドコード}} の位置にレコードの値が入ります。ChatWork の [info][title]…[/title]…[/info] などの記法も使えます。',
  insertField: 'フィールドを挿入',

  pickerTitle: 'フィールドを挿入',
  pickerHelp: '選んだ項目をカーソルの位置に挿入します。',
  pickerSearchLabel: 'フィールドを検索',
  pickerAppFields: 'アプリのフィールド',
  pickerBuiltIns: '組み込みの項目',
  pickerClose: '閉じる',
  pickerNoMatch: '該当するフィールドがありません。',
  pickerInsert: (label, code) => `${label}（${code}）を挿入`,
  builtIns: {
    $appName: 'アプリ名',
    $appId: 'アプリ ID',
    $recordId: 'レコード ID',
    $recordUrl: 'レコードの URL',
    $event: 'イベント（作成・編集・ステータス変更）',
    $user: 'レコードを保存したユーザー',
    $statusFrom: '変更前のステータス',
    $statusTo: '変更後のステータス',
    $action: '実行したアクション',
  },
  fieldTypes: {
    SINGLE_LINE_TEXT: '文字列（1行）',
    MULTI_LINE_TEXT: '文字列（複数行）',
    RICH_TEXT: 'リッチエディター',
    NUMBER: '数値',
    CALC: '計算',
    DATE: '日付',
    TIME: '時刻',
    DATETIME: '日時',
    LINK: 'リンク',
    DROP_DOWN: 'ドロップダウン',
    RADIO_BUTTON: 'ラジオボタン',
    CHECK_BOX: 'チェックボックス',
    MULTI_SELECT: '複数選択',
    USER_SELECT: 'ユーザー選択',
    ORGANIZATION_SELECT: '組織選択',
    GROUP_SELECT: 'グループ選択',
    FILE: '添付ファイル',
    SUBTABLE: 'テーブル',
    RECORD_NUMBER: 'レコード番号',
    CREATOR: '作成者',
    CREATED_TIME: '作成日時',
    MODIFIER: '更新者',
    UPDATED_TIME: '更新日時',
    STATUS: 'ステータス',
    STATUS_ASSIGNEE: '作業者',
  },

  conditionsLabel: '条件',
  conditionsHelp: '条件がなければ、選んだタイミングのたびに送信します。',
  matchLegend: '条件の組み合わせ',
  matchAll: 'すべての条件を満たすとき',
  matchAny: 'いずれかの条件を満たすとき',
  conditionGroup: (n) => `条件 ${n}`,
  conditionField: (n) => `条件 ${n} のフィールド`,
  conditionOp: (n) => `条件 ${n} の比べ方`,
  conditionValue: (n) => `条件 ${n} の値`,
  removeCondition: (n) => `条件 ${n} を削除`,
  chooseField: 'フィールドを選択',
  chooseOperator: '比べ方を選択',
  chooseOption: '選択肢を選択',
  addCondition: '条件を追加',
  noConditions: '条件はありません。',
  ops: {
    eq: 'と等しい',
    ne: 'と等しくない',
    contains: 'を含む',
    not_contains: 'を含まない',
    gt: 'より大きい',
    gte: '以上',
    lt: 'より小さい',
    lte: '以下',
    in: 'のいずれか',
    empty: '空である',
    not_empty: '空ではない',
  },
  multiOps: { eq: 'を含む', ne: 'を含まない', in: 'のいずれかを含む' },
  dateOps: { gt: 'より後', gte: '以降', lt: 'より前', lte: '以前' },
  listHint: 'カンマ区切りで複数入力できます。',
  userCodeHint: 'kintone のログイン名（ユーザーコード）を入力します。',
  datetimeHint: 'UTC で入力します（例: 2024-04-01T09:00:00Z）。',

  changedLabel: 'これらのフィールドが変更されたときだけ送信',
  changedHelp: '「編集」のときだけ使われます。何も選ばなければ、どの変更でも送信します。',
  changedNeedsEdit: '通知するタイミングに「編集」が含まれていないため、この設定は使われません。',
  changedNoFields: '選べるフィールドがありません。',

  mentionsLabel: 'メンション（宛先）',
  mentionIdsLabel: 'ChatWork アカウント ID',
  mentionIdsHelp: '毎回メンションする相手のアカウント ID です。カンマ区切りで複数入力できます。',
  toAllLabel: 'ルームの全員にメンションする（[toall]）',
  userFieldLabel: 'ユーザー選択フィールドの人にメンション',
  userFieldHelp:
    'レコードのユーザー選択フィールドにいる人を、下の対応表で ChatWork アカウントに変換してメンションします。',
  userFieldNone: '使わない',
  userMapLabel: 'kintone ユーザーと ChatWork アカウントの対応',
  userMapCode: 'kintone のログイン名',
  userMapAccount: 'ChatWork アカウント ID',
  userMapCodeRow: (n) => `${n} 行目の kintone のログイン名`,
  userMapAccountRow: (n) => `${n} 行目の ChatWork アカウント ID`,
  removeUserMap: (n) => `${n} 行目を削除`,
  addUserMap: '対応を追加',

  previewHeading: 'プレビューとテスト',
  previewHelp: 'アプリの最新のレコードで、各ルールのメッセージを確認します。プレビューでは何も送信しません。',
  previewEventLabel: 'プレビューするタイミング',
  previewButton: 'プレビュー',
  previewing: 'プレビューを作成しています…',
  previewFromRecord: (recordId) => `最新のレコード（レコード ID: ${recordId}）の値を使いました。`,
  previewFromSample: 'レコードがないため、サンプルの値を使いました。',
  previewWouldSend: '送信されます',
  previewWouldNotSend: '送信されません（タイミングまたは条件に合いません）',
  previewDisabled: '無効のルール',
  previewRoom: (roomId) => `ルーム ${roomId}`,
  previewInvalid: 'ルールに誤りがあるためプレビューできません。赤字の項目を確認してください。',
  previewNoRules: 'プレビューするルールがありません。',
  sampleText: (label) => `${label}（サンプル）`,
  sampleStatus: { from: '未処理', to: '処理中', action: '処理開始' },

  save: '保存する',
  cancel: 'キャンセル',
  saving: '保存しています…',
  checking: '通知サービスへの接続を確認しています…',
  saved: '設定を保存しました。アプリの設定画面で「アプリを更新」をクリックすると反映されます。',
  saveFailed: (reason) => `設定を保存できませんでした: ${reason}`,
  fixErrors: '入力内容を確認してください。赤字の項目を直すと保存できます。',
  ruleHasProblems: (name) => `「${name}」に確認が必要な項目があります。`,

  errors: {
    relayUrlRequired: '通知サービスの URL を入力してください。',
    relayUrlInvalid: 'URL の形式が正しくありません（例: https://relay.example.com）。',
    relayUrlInsecure: 'https:// で始まる URL を入力してください（http は localhost と 127.0.0.1 のみ）。',
    relayUnreachable: '通知サービスに接続できません。URL を確認するか、しばらくしてから再度お試しください。',
    relayNotRelay: 'この URL には kintone2chatwork の通知サービスが見つかりません。',
    relayUnexpected: '通知サービスから予期しない応答がありました。URL を確認してください。',
    keyRequired: '接続キーを入力してください。',
    keyInvalid: '接続キーに使えない文字（空白など）が含まれています。',
    keyRejected: '接続キーが正しくないか、取り消されています。',
    apiTokenInvalid:
      'kintone API トークンに使えるのは半角の英字と数字だけです（通常は 40 文字）。空白・カンマ・全角文字が入っていないか確認してください。',
    apiTokenTooLong: (max) => `kintone API トークンが長すぎます（${max} 文字まで。通常は 40 文字です）。`,
    tooManyRules: (max) => `ルールは ${max} 件までです。`,
    rulesTooLarge: 'ルール全体が大きすぎて保存できません。テンプレートを短くするか、ルールを減らしてください。',
    nameTooLong: (max) => `ルール名は ${max} 文字以内で入力してください。`,
    eventsRequired: '通知するタイミングを 1 つ以上選んでください。',
    roomRequired: 'ルームを選ぶか、ルーム ID を入力してください。',
    roomIdInvalid: 'ルーム ID は数字で入力してください。',
    roomUnknown: (roomId) => `ルーム ID ${roomId} は、接続している ChatWork アカウントのルームにありません。`,
    roomReadonly: (name) => `「${name}」は閲覧のみのため投稿できません。別のルームを選んでください。`,
    templateRequired: 'メッセージを入力してください。',
    templateTooLong: (max) => `メッセージは ${max} 文字以内で入力してください。`,
    unknownPlaceholders: (names) =>
      `${names.map((name) => `「${braces(name)}」`).join('')}はこのアプリのフィールドコードでも組み込みの項目でもありません。`,
    tooManyConditions: (max) => `条件は ${max} 件までです。`,
    conditionFieldRequired: 'フィールドを選んでください。',
    conditionFieldUnknown: (code) => `フィールド「${code}」はこのアプリにないか、条件に使えません。`,
    conditionOpRequired: '比べ方を選んでください。',
    conditionOpInvalid: 'この比べ方はこのフィールドには使えません。',
    conditionValueRequired: '値を入力してください。',
    conditionValueTooLong: (max) => `値は ${max} 文字以内で入力してください。`,
    conditionTooManyValues: (max) => `値は ${max} 個までです。`,
    tooManyChangedFields: (max) => `フィールドは ${max} 個まで選べます。`,
    changedFieldsUnknown: (codes) =>
      `${codes.map((code) => `「${code}」`).join('')}はこのアプリのフィールドにありません。`,
    mentionIdsInvalid: (ids) =>
      `${ids.map((id) => `「${id}」`).join('')}は ChatWork のアカウント ID（数字）ではありません。`,
    tooManyMentionIds: (max) => `アカウント ID は ${max} 個までです。`,
    userFieldUnknown: (code) => `フィールド「${code}」はこのアプリのユーザー選択フィールドにありません。`,
    userMapCodeRequired: 'kintone のログイン名を入力してください。',
    userMapAccountInvalid: 'ChatWork のアカウント ID を数字で入力してください。',
    userMapDuplicate: (code) => `「${code}」はすでに対応表にあります。`,
    tooManyUserMapRows: (max) => `対応表は ${max} 行までです。`,
    relayIssue: (path, message) => `通知サービスの確認でエラーになりました（${path}: ${message}）。`,
  },
};

const en: SettingsCatalogue = {
  title: 'kintone2chatwork settings',
  intro: 'Posts a message to a ChatWork room, following your rules, when a record is saved.',
  loading: 'Loading…',
  fieldsUnavailable:
    "The app's field list could not be loaded: no field choices are offered and field codes in templates are not checked.",
  rulesUnreadable: 'The saved rules could not be read. Saving replaces them with the rules on this screen.',
  unknownSchemaVersion:
    'These settings were saved by a newer version of the plug-in. Saving writes them in the older format.',

  connectionHeading: 'Connection',
  connectionHelp: 'The notification service (relay) URL and the connection key issued on the dashboard.',
  relayUrlLabel: 'Notification service URL',
  relayUrlHelp: 'A URL starting with https:// (http://localhost is accepted for development only).',
  connectionKeyLabel: 'Connection key',
  connectionKeyHelp: "The key is stored only in kintone's proxy settings; app users cannot see it.",
  storedKey: (masked) => `Stored key: ${masked}`,
  replaceKey: 'Replace key',
  keepKey: 'Keep the stored key',
  newKeyLabel: 'New connection key',
  newKeyHelp: 'Leave empty to keep the stored key.',
  verify: 'Verify connection',
  verifying: 'Verifying…',
  connectionOk: 'Connected to the notification service.',
  companyLabel: 'Company',
  planLabel: 'Plan',
  usageLabel: 'Notifications this month',
  chatworkLabel: 'ChatWork account',
  usage: (used, quota) => `${used.toLocaleString('en-US')} / ${quota.toLocaleString('en-US')}`,
  planName: (code) => ({ free: 'Free', standard: 'Standard' })[code] ?? code,
  chatworkAccount: (name, accountId) => `${name} (account ID ${accountId})`,
  chatworkNotConnected: 'ChatWork is not connected yet — connect it on the dashboard.',
  needConnection: 'Enter the notification service URL and the connection key first.',

  apiTokenLabel: 'kintone API token (optional)',
  apiTokenHelp:
    'With a token, the notification service reads the saved record back from kintone, so messages always show the values kintone saved: app users cannot make a notification say something else. Recommended.',
  apiTokenWhere:
    'It needs only the "View records" permission. Generate it in kintone under App Settings → API Token, click "Update App", then paste it here. The token is stored only in kintone\'s proxy settings, never in the plug-in settings that app users can read.',
  storedApiToken: (masked) => `Stored token: ${masked}`,
  replaceApiToken: 'Replace token',
  removeApiToken: 'Remove token',
  keepApiToken: 'Keep the stored token',
  newApiTokenLabel: 'New kintone API token',
  newApiTokenHelp: 'Leave empty to keep the stored token.',
  apiTokenRemoved: 'The API token is removed when you save; messages then use the values the browser sends.',
  undoRemoveApiToken: 'Undo',

  failUnreachable: 'The notification service cannot be reached. Check the URL.',
  failServer: (status) => `The notification service has a problem (HTTP ${status}). Please try again shortly.`,
  failUnauthorized: 'The connection key is wrong or has been revoked. Enter a key issued on the dashboard.',
  failNotRelay: 'There is no kintone2chatwork notification service at this URL. Check the URL.',
  failUnexpected: (status) => `Unexpected answer from the notification service (HTTP ${status}).`,
  failError: (message, code) => `The notification service answered with an error: ${message} (${code})`,
  failChatworkNotConnected: 'ChatWork is not connected yet — connect it on the dashboard.',
  failChatworkTokenRejected: 'ChatWork rejected the API token. Enter a new one on the dashboard.',
  failChatworkUnavailable: 'ChatWork cannot be reached. Please try again shortly.',

  rulesHeading: 'Notification rules',
  rulesHelp: 'When a saved record matches a rule, one message is sent for that rule.',
  colOrder: 'Order',
  colName: 'Rule name',
  colEvents: 'When',
  colRoom: 'Room',
  colEnabled: 'Enabled',
  colActions: 'Actions',
  noRules: 'There are no rules yet. Use "Add rule" to create one.',
  addRule: 'Add rule',
  untitled: '(untitled)',
  editRule: (name) => `Edit "${name}"`,
  duplicateRule: (name) => `Duplicate "${name}"`,
  moveUp: (name) => `Move "${name}" up`,
  moveDown: (name) => `Move "${name}" down`,
  deleteRule: (name) => `Delete "${name}"`,
  toggleEnabled: (name) => `Enable "${name}"`,
  copySuffix: ' (copy)',
  rulesLimit: (max) => `At most ${max} rules.`,
  roomUnset: 'Not set',
  needsAttention: 'Check',
  selectedRule: 'Editing',
  ruleDeleted: (name) => `"${name}" was deleted. Nothing changes until you save.`,
  ruleMoved: (name, position) => `"${name}" moved to position ${position}.`,

  deleteTitle: 'Delete this rule?',
  deleteBody: (name) => `"${name}" will be removed from the list. Cancel without saving to get it back.`,
  deleteConfirm: 'Delete',
  dialogCancel: 'Cancel',

  editorHeading: (name) => `Edit rule: ${name}`,
  editorEmpty: 'Choose a rule in the list, or add one.',
  ruleNameLabel: 'Rule name',
  ruleNameHelp: 'Shown in the delivery log (optional).',
  enabledLabel: 'Enable this rule',
  eventsLabel: 'Notify when a record is',
  events: { create: 'Created', edit: 'Edited', status: 'Status changed' },
  roomLabel: 'ChatWork room',
  roomHelp: 'Choose from the list, or type the room ID.',
  roomSearchLabel: 'Search rooms',
  roomSearchPlaceholder: 'Room name or ID',
  roomListLabel: 'Rooms',
  roomIdLabel: 'Room ID',
  roomIdHelp: 'The digits after "#!rid" in the room URL.',
  roomsNotLoaded: 'Verify the connection to choose a room from the list.',
  roomsLoading: 'Loading rooms…',
  roomsNoMatch: 'No room matches.',
  roomsUnavailable: (reason) => `The room list could not be loaded: ${reason}`,
  roomTypes: { my: 'My chat', direct: 'Direct chat', group: 'Group chat' },
  roomReadonly: 'read-only, cannot post',
  roomOption: (name, type, roomId) => `${name} (${type}, ${roomId})`,
  roomChosen: (name, type) => `Selected room: ${name} (${type})`,
  roomNotInList: 'This room ID is not in the list.',
  testSend: 'Send a test message to this room',
  testSending: 'Sending the test message…',
  testStatus: (status) => `Delivery: ${status}`,
  testDelivered: 'The test message was delivered. Check the ChatWork room.',
  testFailed: (reason) => `The test message could not be delivered: ${reason}`,
  testPending: 'Not delivered yet. Check the delivery log on the dashboard in a moment.',
  testNeedRoom: 'Enter a room ID first.',
  unknownReason: 'unknown reason.',
  deliveryErrors: {
    chatwork_forbidden: 'The ChatWork account may not post in this room (for example, it is read-only there).',
    chatwork_room_not_found: 'The room was not found. Check the room ID.',
    chatwork_not_connected: 'ChatWork is not connected. Connect it on the dashboard.',
    chatwork_token_rejected: 'ChatWork rejected the API token. Enter a new one on the dashboard.',
    chatwork_unavailable: 'ChatWork could not be reached.',
  },
  templateLabel: 'Message',
  templateHelp:
    "Record values replace {{field code}}. ChatWork's notation such as [info][title]…[/title]…[/info] works too.",
  insertField: 'Insert field',

  pickerTitle: 'Insert a field',
  pickerHelp: 'The chosen item is inserted at the cursor.',
  pickerSearchLabel: 'Search fields',
  pickerAppFields: 'Fields of this app',
  pickerBuiltIns: 'Built-in values',
  pickerClose: 'Close',
  pickerNoMatch: 'No field matches.',
  pickerInsert: (label, code) => `Insert ${label} (${code})`,
  builtIns: {
    $appName: 'App name',
    $appId: 'App ID',
    $recordId: 'Record ID',
    $recordUrl: 'Link to the record',
    $event: 'Event (created, edited, status changed)',
    $user: 'User who saved the record',
    $statusFrom: 'Status before the change',
    $statusTo: 'Status after the change',
    $action: 'Action taken',
  },
  fieldTypes: {
    SINGLE_LINE_TEXT: 'Text',
    MULTI_LINE_TEXT: 'Text area',
    RICH_TEXT: 'Rich text',
    NUMBER: 'Number',
    CALC: 'Calculated',
    DATE: 'Date',
    TIME: 'Time',
    DATETIME: 'Date and time',
    LINK: 'Link',
    DROP_DOWN: 'Drop-down',
    RADIO_BUTTON: 'Radio button',
    CHECK_BOX: 'Check box',
    MULTI_SELECT: 'Multi-choice',
    USER_SELECT: 'User selection',
    ORGANIZATION_SELECT: 'Department selection',
    GROUP_SELECT: 'Group selection',
    FILE: 'Attachment',
    SUBTABLE: 'Table',
    RECORD_NUMBER: 'Record number',
    CREATOR: 'Created by',
    CREATED_TIME: 'Created datetime',
    MODIFIER: 'Updated by',
    UPDATED_TIME: 'Updated datetime',
    STATUS: 'Status',
    STATUS_ASSIGNEE: 'Assignee',
  },

  conditionsLabel: 'Conditions',
  conditionsHelp: 'Without conditions, a message is sent on every chosen event.',
  matchLegend: 'Combine conditions',
  matchAll: 'When all conditions are met',
  matchAny: 'When any condition is met',
  conditionGroup: (n) => `Condition ${n}`,
  conditionField: (n) => `Field of condition ${n}`,
  conditionOp: (n) => `Comparison of condition ${n}`,
  conditionValue: (n) => `Value of condition ${n}`,
  removeCondition: (n) => `Remove condition ${n}`,
  chooseField: 'Choose a field',
  chooseOperator: 'Choose a comparison',
  chooseOption: 'Choose an option',
  addCondition: 'Add condition',
  noConditions: 'No conditions.',
  ops: {
    eq: 'equals',
    ne: 'does not equal',
    contains: 'contains',
    not_contains: 'does not contain',
    gt: 'is greater than',
    gte: 'is at least',
    lt: 'is less than',
    lte: 'is at most',
    in: 'is one of',
    empty: 'is empty',
    not_empty: 'is not empty',
  },
  multiOps: { eq: 'includes', ne: 'does not include', in: 'includes any of' },
  dateOps: { gt: 'is after', gte: 'is on or after', lt: 'is before', lte: 'is on or before' },
  listHint: 'Separate several values with commas.',
  userCodeHint: 'Enter kintone login names (user codes).',
  datetimeHint: 'In UTC, for example 2024-04-01T09:00:00Z.',

  changedLabel: 'Only when these fields changed',
  changedHelp: 'Used for "Edited" only. With nothing chosen, any edit sends a message.',
  changedNeedsEdit: '"Edited" is not among the events, so this setting is not used.',
  changedNoFields: 'No fields to choose from.',

  mentionsLabel: 'Mentions',
  mentionIdsLabel: 'ChatWork account IDs',
  mentionIdsHelp: 'Accounts mentioned every time. Separate several IDs with commas.',
  toAllLabel: 'Mention everyone in the room ([toall])',
  userFieldLabel: 'Mention the users in a user selection field',
  userFieldHelp: "Users in the record's user selection field are mentioned through the table below.",
  userFieldNone: 'Do not use',
  userMapLabel: 'kintone users and their ChatWork accounts',
  userMapCode: 'kintone login name',
  userMapAccount: 'ChatWork account ID',
  userMapCodeRow: (n) => `kintone login name, row ${n}`,
  userMapAccountRow: (n) => `ChatWork account ID, row ${n}`,
  removeUserMap: (n) => `Remove row ${n}`,
  addUserMap: 'Add user',

  previewHeading: 'Preview and test',
  previewHelp: "Shows each rule's message for the app's newest record. A preview sends nothing.",
  previewEventLabel: 'Preview for',
  previewButton: 'Preview',
  previewing: 'Preparing the preview…',
  previewFromRecord: (recordId) => `Using the newest record (record ID ${recordId}).`,
  previewFromSample: 'The app has no records, so sample values were used.',
  previewWouldSend: 'Would be sent',
  previewWouldNotSend: 'Would not be sent (event or conditions do not match)',
  previewDisabled: 'Disabled rule',
  previewRoom: (roomId) => `Room ${roomId}`,
  previewInvalid: 'The rules have errors, so there is no preview. Check the fields marked in red.',
  previewNoRules: 'There are no rules to preview.',
  sampleText: (label) => `Sample ${label}`,
  sampleStatus: { from: 'Not started', to: 'In progress', action: 'Start' },

  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  checking: 'Checking the connection to the notification service…',
  saved: 'The settings have been saved. They take effect after you click "Update App" in the app settings.',
  saveFailed: (reason) => `The settings could not be saved: ${reason}`,
  fixErrors: 'Please check the fields marked in red; you can save once they are fixed.',
  ruleHasProblems: (name) => `"${name}" has fields to check.`,

  errors: {
    relayUrlRequired: 'Enter the notification service URL.',
    relayUrlInvalid: 'This is not a valid URL (for example https://relay.example.com).',
    relayUrlInsecure: 'Use a URL starting with https:// (http is allowed only for localhost and 127.0.0.1).',
    relayUnreachable: 'The notification service cannot be reached. Check the URL or try again shortly.',
    relayNotRelay: 'There is no kintone2chatwork notification service at this URL.',
    relayUnexpected: 'Unexpected answer from the notification service. Check the URL.',
    keyRequired: 'Enter the connection key.',
    keyInvalid: 'The connection key contains characters that are not allowed (such as spaces).',
    keyRejected: 'The connection key is wrong or has been revoked.',
    apiTokenInvalid:
      'A kintone API token has letters and digits only (usually 40). Check for spaces, commas or other characters.',
    apiTokenTooLong: (max) => `This is too long for a kintone API token (at most ${max} characters; usually 40).`,
    tooManyRules: (max) => `At most ${max} rules.`,
    rulesTooLarge: 'The rules are too large to save. Shorten the templates or remove rules.',
    nameTooLong: (max) => `The rule name must be at most ${max} characters.`,
    eventsRequired: 'Choose at least one event.',
    roomRequired: 'Choose a room or enter a room ID.',
    roomIdInvalid: 'The room ID must be digits only.',
    roomUnknown: (roomId) => `Room ${roomId} is not one of the connected ChatWork account's rooms.`,
    roomReadonly: (name) =>
      `"${name}" is read-only for the ChatWork account, so it cannot post there. Choose another room.`,
    templateRequired: 'Enter a message.',
    templateTooLong: (max) => `The message must be at most ${max} characters.`,
    unknownPlaceholders: (names) =>
      `${names.map(braces).join(', ')} ${names.length === 1 ? 'is' : 'are'} neither a field code of this app nor a built-in placeholder.`,
    tooManyConditions: (max) => `At most ${max} conditions.`,
    conditionFieldRequired: 'Choose a field.',
    conditionFieldUnknown: (code) => `"${code}" is not a field of this app that conditions can use.`,
    conditionOpRequired: 'Choose a comparison.',
    conditionOpInvalid: 'This comparison does not work for this field.',
    conditionValueRequired: 'Enter a value.',
    conditionValueTooLong: (max) => `A value must be at most ${max} characters.`,
    conditionTooManyValues: (max) => `At most ${max} values.`,
    tooManyChangedFields: (max) => `Choose at most ${max} fields.`,
    changedFieldsUnknown: (codes) =>
      `${codes.map((code) => `"${code}"`).join(', ')} ${codes.length === 1 ? 'is' : 'are'} not a field of this app.`,
    mentionIdsInvalid: (ids) =>
      `${ids.map((id) => `"${id}"`).join(', ')} ${ids.length === 1 ? 'is' : 'are'} not a ChatWork account ID (digits).`,
    tooManyMentionIds: (max) => `At most ${max} account IDs.`,
    userFieldUnknown: (code) => `"${code}" is not a user selection field of this app.`,
    userMapCodeRequired: 'Enter the kintone login name.',
    userMapAccountInvalid: 'Enter the ChatWork account ID (digits).',
    userMapDuplicate: (code) => `"${code}" is already in the table.`,
    tooManyUserMapRows: (max) => `At most ${max} rows.`,
    relayIssue: (path, message) => `The notification service rejected this (${path}: ${message}).`,
  },
};

export const settingsMessages: Record<Language, SettingsCatalogue> = { ja, en };
