import type { MailMessage } from '../mail/mailer';

/** The reset mail, Japanese first and English second, as plain text. */
export function resetMail(to: string, link: string, validMinutes: number): MailMessage {
  return {
    to,
    subject: '【kintone2chatwork】パスワードの再設定 / Password reset',
    text: [
      'kintone2chatwork のパスワード再設定のご依頼を受け付けました。',
      `下のリンクを ${validMinutes} 分以内に開き、新しいパスワードを設定してください。リンクは一度だけ使えます。`,
      '',
      link,
      '',
      'お心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。',
      '',
      '----',
      '',
      'We received a request to reset your kintone2chatwork password.',
      `Open the link below within ${validMinutes} minutes to choose a new password. The link works once.`,
      '',
      link,
      '',
      'If you did not ask for this, ignore this e-mail; your password stays as it is.',
      '',
    ].join('\n'),
  };
}
