// Runtime notices (desktop.js, mobile.js), Japanese first. The settings screen's texts live in
// settings-messages.ts, so the record screens never ship them.

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
  kintoneReadFailed: string;
  kintoneRecordNotFound: string;
  kintoneUnavailable: string;
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
    kintoneReadFailed: `${jaNotSent}通知サービスがプラグインの API トークンで kintone からレコードを読み取れませんでした。アプリの管理者にプラグインの設定の API トークンの確認を依頼してください。`,
    kintoneRecordNotFound: `${jaNotSent}通知サービスが kintone でこのレコードを見つけられませんでした。削除されていないか確認し、続く場合はアプリの管理者に連絡してください。`,
    kintoneUnavailable: `${jaNotSent}通知サービスが kintone に接続できませんでした。しばらくしてから、もう一度レコードを保存してください。`,
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
    kintoneReadFailed: `${enNotSent}the notification service could not read the record from kintone with the plug-in's API token. Ask the app administrator to check the API token in the plug-in settings.`,
    kintoneRecordNotFound: `${enNotSent}the notification service could not find this record in kintone. Check that it still exists; if this keeps happening, tell the app administrator.`,
    kintoneUnavailable: `${enNotSent}the notification service could not reach kintone. Please save the record again later.`,
    serverError: (status) => `${enNotSent}the notification service has a problem (HTTP ${status}).`,
    unexpected: (status) => `${enNotSent}unexpected answer from the notification service (HTTP ${status}).`,
    internal: `${enNotSent}an error occurred.`,
    dismiss: 'Close',
  },
};
