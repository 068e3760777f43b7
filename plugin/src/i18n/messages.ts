// The plug-in's whole message catalogue, Japanese first. Runtime notices and the settings screen
// are separate exports so that desktop.js and mobile.js tree-shake the settings texts away.

export type Language = 'ja' | 'en';

/** kintone's `LoginUser.language`: 'ja' → Japanese, any other language → English. */
export function pickLanguage(language: string | null | undefined): Language {
  if (language === undefined || language === null || language === '' || language === 'ja') return 'ja';
  return 'en';
}

export interface NoticeCatalogue {
  timeout(seconds: number): string;
  network: string;
  unauthorized: string;
  quotaExceeded(billingUrl: string): string;
  planInactive(billingUrl: string): string;
  tooLarge: string;
  rateLimited: string;
  invalidRequest(relayMessage: string): string;
  serverError(status: number): string;
  unexpected(status: number): string;
  internal: string;
  dismiss: string;
}

// Kept short on purpose: both languages ship in desktop.js and mobile.js (15 KB budget each).
// Every failure reads "no message was sent" + the reason.
const jaNotSent = 'ChatWork に通知できませんでした。';
const enNotSent = 'No ChatWork message was sent: ';

export const noticeMessages: Record<Language, NoticeCatalogue> = {
  ja: {
    timeout: (seconds) => `通知サービスから ${seconds} 秒以内に応答がありません。通知は遅れて届く可能性があります。`,
    network: `${jaNotSent}通知サービスに接続できません。`,
    unauthorized: `${jaNotSent}接続キーが無効か取り消されています。アプリの管理者にプラグインの設定の確認を依頼してください。`,
    quotaExceeded: (billingUrl) => `${jaNotSent}今月の通知数の上限に達しました。プランの確認: ${billingUrl}`,
    planInactive: (billingUrl) => `${jaNotSent}プランが有効ではありません。お支払いの確認: ${billingUrl}`,
    tooLarge: `${jaNotSent}データが大きすぎます。`,
    rateLimited: `${jaNotSent}通知が集中しています。しばらくしてから再度お試しください。`,
    invalidRequest: (relayMessage) => `${jaNotSent}リクエストが拒否されました: ${relayMessage}`,
    serverError: (status) => `${jaNotSent}通知サービスに障害が発生しています (HTTP ${status})。`,
    unexpected: (status) => `${jaNotSent}通知サービスから予期しない応答がありました (HTTP ${status})。`,
    internal: `${jaNotSent}エラーが発生しました。`,
    dismiss: '閉じる',
  },
  en: {
    timeout: (seconds) =>
      `The notification service did not answer within ${seconds} seconds. The ChatWork message may still arrive.`,
    network: `${enNotSent}the notification service could not be reached.`,
    unauthorized: `${enNotSent}the connection key is invalid or revoked. Ask the app administrator to check the plug-in settings.`,
    quotaExceeded: (billingUrl) => `${enNotSent}the monthly quota is used up. Check your plan: ${billingUrl}`,
    planInactive: (billingUrl) => `${enNotSent}the plan is not active. Check billing: ${billingUrl}`,
    tooLarge: `${enNotSent}the record data is too large.`,
    rateLimited: `${enNotSent}too many notifications at once. Please try again later.`,
    invalidRequest: (relayMessage) => `${enNotSent}the request was rejected: ${relayMessage}`,
    serverError: (status) => `${enNotSent}the notification service has a problem (HTTP ${status}).`,
    unexpected: (status) => `${enNotSent}unexpected answer from the notification service (HTTP ${status}).`,
    internal: `${enNotSent}an error occurred.`,
    dismiss: 'Close',
  },
};

export interface SettingsCatalogue {
  title: string;
  intro: string;
  connectionHeading: string;
  relayUrlLabel: string;
  relayUrlHelp: string;
  connectionKeyLabel: string;
  connectionKeyHelp: string;
  connectionKeyStored(masked: string): string;
  ruleHeading: string;
  ruleNameLabel: string;
  ruleNameHelp: string;
  eventsLabel: string;
  eventCreate: string;
  eventEdit: string;
  eventStatus: string;
  roomIdLabel: string;
  roomIdHelp: string;
  templateLabel: string;
  templateHelp: string;
  enabledLabel: string;
  save: string;
  cancel: string;
  saving: string;
  saved: string;
  saveFailed(reason: string): string;
  fixErrors: string;
  fieldsUnavailable: string;
  rulesUnreadable: string;
  errors: {
    relayUrlRequired: string;
    relayUrlInvalid: string;
    relayUrlInsecure: string;
    keyRequired: string;
    keyInvalid: string;
    nameTooLong(max: number): string;
    eventsRequired: string;
    roomIdInvalid: string;
    templateRequired: string;
    templateTooLong(max: number): string;
    unknownPlaceholders(names: string[]): string;
  };
}

const quote = (names: string[], open: string, close: string) => names.map((name) => `${open}{{${name}}}${close}`);

export const settingsMessages: Record<Language, SettingsCatalogue> = {
  ja: {
    title: 'kintone2chatwork の設定',
    intro: 'レコードが保存されたときに ChatWork へメッセージを送ります。',
    connectionHeading: '接続',
    relayUrlLabel: '通知サービスの URL',
    relayUrlHelp: 'https:// で始まる URL を入力します（開発用に限り http://localhost も使えます）。',
    connectionKeyLabel: '接続キー',
    connectionKeyHelp: 'ダッシュボードで発行した接続キーを入力します。キーはアプリの利用者には見えません。',
    connectionKeyStored: (masked) => `現在のキー: ${masked}。空欄のままにすると現在のキーを使います。`,
    ruleHeading: '通知ルール',
    ruleNameLabel: 'ルール名',
    ruleNameHelp: '配信ログに表示される名前です（省略可）。',
    eventsLabel: '通知するタイミング',
    eventCreate: '作成',
    eventEdit: '編集',
    eventStatus: 'ステータス変更',
    roomIdLabel: 'ChatWork のルーム ID',
    roomIdHelp: 'ルームの URL の末尾「#!rid」に続く数字です。',
    templateLabel: 'メッセージのテンプレート',
    templateHelp:
      '{{フィールドコード}} でフィールドの値を埋め込めます。ほかに {{$appName}} {{$appId}} {{$recordId}} {{$recordUrl}} {{$event}} {{$user}} {{$statusFrom}} {{$statusTo}} {{$action}} が使えます。',
    enabledLabel: 'このルールを有効にする',
    save: '保存する',
    cancel: 'キャンセル',
    saving: '保存しています…',
    saved: '設定を保存しました。アプリの設定画面で「アプリを更新」をクリックすると反映されます。',
    saveFailed: (reason) => `設定を保存できませんでした: ${reason}`,
    fixErrors: '入力内容を確認してください。',
    fieldsUnavailable:
      'アプリのフィールド一覧を取得できなかったため、テンプレートのフィールドコードは確認していません。',
    rulesUnreadable: '保存済みのルールを読み込めませんでした。保存すると新しいルールで上書きされます。',
    errors: {
      relayUrlRequired: '通知サービスの URL を入力してください。',
      relayUrlInvalid: 'URL の形式が正しくありません（例: https://relay.example.com）。',
      relayUrlInsecure: 'https:// で始まる URL を入力してください（http は localhost と 127.0.0.1 のみ）。',
      keyRequired: '接続キーを入力してください。',
      keyInvalid: '接続キーに使えない文字（空白など）が含まれています。',
      nameTooLong: (max) => `ルール名は ${max} 文字以内で入力してください。`,
      eventsRequired: '通知するタイミングを 1 つ以上選んでください。',
      roomIdInvalid: 'ルーム ID は数字で入力してください。',
      templateRequired: 'テンプレートを入力してください。',
      templateTooLong: (max) => `テンプレートは ${max} 文字以内で入力してください。`,
      unknownPlaceholders: (names) =>
        `${quote(names, '「', '」').join('')}はこのアプリのフィールドコードでも組み込みの項目でもありません。`,
    },
  },
  en: {
    title: 'kintone2chatwork settings',
    intro: 'Sends a ChatWork message when a record is saved.',
    connectionHeading: 'Connection',
    relayUrlLabel: 'Notification service URL',
    relayUrlHelp: 'A URL starting with https:// (http://localhost is accepted for development only).',
    connectionKeyLabel: 'Connection key',
    connectionKeyHelp: 'The connection key issued on the dashboard. App users cannot see it.',
    connectionKeyStored: (masked) => `Current key: ${masked}. Leave empty to keep the current key.`,
    ruleHeading: 'Notification rule',
    ruleNameLabel: 'Rule name',
    ruleNameHelp: 'Shown in the delivery log (optional).',
    eventsLabel: 'Notify when a record is',
    eventCreate: 'Created',
    eventEdit: 'Edited',
    eventStatus: 'Status changed',
    roomIdLabel: 'ChatWork room ID',
    roomIdHelp: 'The digits after "#!rid" in the room URL.',
    templateLabel: 'Message template',
    templateHelp:
      'Insert field values with {{field code}}. Also available: {{$appName}} {{$appId}} {{$recordId}} {{$recordUrl}} {{$event}} {{$user}} {{$statusFrom}} {{$statusTo}} {{$action}}.',
    enabledLabel: 'Enable this rule',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'The settings have been saved. They take effect after you click "Update App" in the app settings.',
    saveFailed: (reason) => `The settings could not be saved: ${reason}`,
    fixErrors: 'Please check the highlighted fields.',
    fieldsUnavailable: "The app's field list could not be loaded, so field codes in the template were not checked.",
    rulesUnreadable: 'The saved rules could not be read. Saving replaces them with the rule below.',
    errors: {
      relayUrlRequired: 'Enter the notification service URL.',
      relayUrlInvalid: 'This is not a valid URL (for example https://relay.example.com).',
      relayUrlInsecure: 'Use a URL starting with https:// (http is allowed only for localhost and 127.0.0.1).',
      keyRequired: 'Enter the connection key.',
      keyInvalid: 'The connection key contains characters that are not allowed (such as spaces).',
      nameTooLong: (max) => `The rule name must be at most ${max} characters.`,
      eventsRequired: 'Choose at least one event.',
      roomIdInvalid: 'The room ID must be digits only.',
      templateRequired: 'Enter a message template.',
      templateTooLong: (max) => `The template must be at most ${max} characters.`,
      unknownPlaceholders: (names) =>
        `${quote(names, '', '').join(', ')} ${names.length === 1 ? 'is' : 'are'} neither a field code of this app nor a built-in placeholder.`,
    },
  },
};
