import { randomBytes } from 'node:crypto';

export type FieldErrors = Record<string, { messages: string[] }>;

/**
 * kintone's error answer: JSON `{ id, code, message, errors? }`. `id` is random per request on the real
 * service; codes and messages follow what was captured from a real tenant (SonicGarden/kintone-emulator
 * doc/kintone-behavior-notes.md) where known. Messages are Japanese (kintone's default without Accept-Language).
 */
export class KintoneError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
  }

  toBody(): { id: string; code: string; message: string; errors?: FieldErrors } {
    const body = { id: randomBytes(15).toString('base64url'), code: this.code, message: this.message };
    return this.errors ? { ...body, errors: this.errors } : body;
  }
}

export const kintoneErrors = {
  validation: (errors: FieldErrors) => new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', errors),
  required: (name: string) => kintoneErrors.validation({ [name]: { messages: ['必須です。'] } }),
  // Code and message are kintone's (REST common spec); the HTTP status is not documented, 400 chosen.
  invalidJson: () => new KintoneError(400, 'CB_IJ01', '不正なJSON文字列です。'),
  unauthenticated: () => new KintoneError(401, 'CB_AU01', 'ログインしてください。'),
  noPermission: () => new KintoneError(403, 'CB_NO02', '権限がありません。'),
  // Observed in kintone/cli-kintone feature tests as `[400] [GAIA_IA02]` for a token of another app.
  tokenMismatch: () =>
    new KintoneError(
      400,
      'GAIA_IA02',
      '指定したAPIトークンは、アプリで生成されたトークンと異なります。アプリのAPIトークンの設定を確認してください。',
    ),
  appNotFound: (id: string) =>
    new KintoneError(404, 'GAIA_AP01', `指定したアプリ（id: ${id}）が見つかりません。削除されている可能性があります。`),
  recordNotFound: (id: string) => new KintoneError(404, 'GAIA_RE01', `指定したレコード（id: ${id}）が見つかりません。`),
  fieldNotFound: (code: string) =>
    new KintoneError(400, 'GAIA_FC01', `指定したフィールド（code: ${code}）が見つかりません。`),
  revisionConflict: () =>
    new KintoneError(
      409,
      'GAIA_CO02',
      '指定したrevisionは最新ではありません。ほかのユーザーがレコードを更新した可能性があります。',
    ),
  // The message is kintone's (quoted in kintone-labs/kintone-js-sdk#144); the status is not documented, 400 chosen.
  guestSpacePath: () =>
    new KintoneError(
      400,
      'GAIA_IL23',
      'ゲストスペース内のアプリを操作する場合は、リクエストの送信先を「/k/guest/（ゲストスペースのID）/v1/...」にします。',
    ),
  // Observed from a real tenant when the action's "from" is not the current status.
  statusAction: () =>
    new KintoneError(
      400,
      'GAIA_IL03',
      'ステータスの変更に失敗しました。ほかのユーザーがステータス、またはステータスの設定を変更した可能性があります。',
    ),
  // kintone's code for an unknown API is not documented: SIM_* codes are the simulator's own, never real ones.
  apiNotFound: () => new KintoneError(404, 'SIM_NOT_FOUND', '指定したAPIが見つかりません。'),
};
