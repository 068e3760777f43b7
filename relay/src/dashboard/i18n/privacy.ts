import type { Lang } from './language';

export interface PrivacySection {
  heading: string;
  paragraphs?: string[];
  items?: string[];
  /** Rows of [what, how long]. */
  retention?: [string, string][];
}

export interface PrivacyContent {
  title: string;
  updated: string;
  intro: string;
  retentionHeads: [string, string];
  sections: PrivacySection[];
}

// The privacy notice in our own words. It describes what this code actually keeps and for how
// long (ARCHITECTURE.md and the retention jobs); change both together.
const ja: PrivacyContent = {
  title: 'プライバシーポリシー',
  updated: '最終更新: 2026 年 12 月',
  intro:
    'kintone2chatwork（以下「本サービス」）は、kintone のレコードが保存されたときに ChatWork へメッセージを送るためのサービスです。通知を届けるのに必要なデータだけを、必要な期間だけ保管します。',
  retentionHeads: ['データ', '保管期間'],
  sections: [
    {
      heading: '保管するデータと期間',
      retention: [
        [
          'アカウント情報（会社名、メールアドレス、パスワードのハッシュ値、ChatWork の接続情報、接続キーのハッシュ値）',
          'アカウントを削除するまで',
        ],
        [
          '配信ログ（受付日時、アプリ ID、レコード ID、イベント、ルール、ルーム ID、状態、試行回数、エラー、ChatWork のメッセージ ID）',
          '12 か月',
        ],
        [
          'メッセージ本文（kintone のフィールドの値を含みます）',
          '配信が終わるまで。配信に失敗したものは再送できるよう最長 7 日間',
        ],
        ['お問い合わせの内容（お名前、メールアドレス、本文）', '対応を終えてから 24 か月'],
        ['解約・アカウント削除後のすべてのデータ', '30 日後にすべて消去'],
      ],
    },
    {
      heading: 'パスワードとトークンの扱い',
      items: [
        'パスワードは復元できない形（Argon2id のハッシュ値）でだけ保管します。',
        'ChatWork の API トークンは暗号化して保管し、画面には末尾 4 文字しか表示しません。',
        '接続キーは発行時に一度だけ表示し、その後はハッシュ値だけを保管します。',
        'サーバーの記録（ログ）には ID やエラーコードだけを残し、トークン、キー、パスワード、メッセージ本文は書き込みません。',
      ],
    },
    {
      heading: 'データを受け取る第三者',
      items: [
        'ChatWork（Chatwork 株式会社）: ルールで設定したメッセージを、登録された API トークンで設定したルームに送ります。',
        'Stripe（有料プランの支払い）: カード番号は Stripe の画面に直接入力され、本サービスのサーバーを通りません。本サービスが受け取るのは契約状態と請求の情報だけです。',
        'kintone（サイボウズ株式会社）: プラグインの設定で API トークンを入力した場合に限り、そのトークンで保存されたレコードを読み取ります。書き込みはしません。',
        'パスワード再設定のメールは、メール配信事業者を通じて送ります。',
      ],
      paragraphs: ['上記のほか、法令に基づく場合を除き、データを第三者に提供したり販売したりすることはありません。'],
    },
    {
      heading: 'Cookie',
      paragraphs: [
        '本サービスが使う Cookie は、ログイン状態を保つためのもの（最長 30 日）と、表示言語の選択を覚えるもの（1 年）だけです。広告や行動分析のための Cookie や外部のトラッキングは使いません。',
      ],
    },
    {
      heading: 'データのエクスポートと削除',
      paragraphs: [
        'ダッシュボードの「アカウント」ページから、いつでもデータを JSON ファイルでエクスポートしたり、アカウントを削除したりできます。アカウントを削除すると接続キーはすぐに無効になり、データは 30 日後にすべて消去されます。',
      ],
    },
    {
      heading: 'お問い合わせ',
      paragraphs: ['このポリシーやデータの扱いについてのご質問は、お問い合わせフォームからお送りください。'],
    },
  ],
};

const en: PrivacyContent = {
  title: 'Privacy policy',
  updated: 'Last updated: December 2026',
  intro:
    'kintone2chatwork (“the service”) sends a ChatWork message when a kintone record is saved. It keeps only the data it needs to deliver those notifications, and only for as long as it needs it.',
  retentionHeads: ['Data', 'Kept for'],
  sections: [
    {
      heading: 'What we keep, and for how long',
      retention: [
        [
          'Account data (company name, e-mail address, password hash, ChatWork connection, hashes of connection keys)',
          'Until you delete the account',
        ],
        [
          'Delivery log (time, app ID, record ID, event, rule, room ID, status, attempts, error, ChatWork message ID)',
          '12 months',
        ],
        [
          'Message texts (which contain kintone field values)',
          'Until delivered; failed ones up to 7 days, so they can be retried',
        ],
        ['Inquiries (name, e-mail address, message)', '24 months after they are closed'],
        ['Everything, after cancellation or account deletion', 'Purged 30 days later'],
      ],
    },
    {
      heading: 'Passwords and tokens',
      items: [
        'Passwords are stored only as a one-way Argon2id hash.',
        'Your ChatWork API token is stored encrypted; only its last 4 characters are ever shown.',
        'A connection key is shown once when it is created; after that only its hash is kept.',
        'Server logs hold ids and error codes only, never tokens, keys, passwords or message texts.',
      ],
    },
    {
      heading: 'Who else receives data',
      items: [
        'ChatWork (Chatwork Co., Ltd.) receives the messages your rules define, sent with your API token to the rooms you chose.',
        'Stripe handles payment for paid plans. You enter card numbers on Stripe’s own page; they never touch our servers. We receive only the subscription and invoice status.',
        'kintone (Cybozu, Inc.) is read only if you enter a kintone API token in the plug-in settings, and only to read the saved record back. We never write to kintone.',
        'Password reset e-mails are sent through an e-mail delivery provider.',
      ],
      paragraphs: ['Apart from these, we do not share or sell your data, unless the law requires it.'],
    },
    {
      heading: 'Cookies',
      paragraphs: [
        'We use cookies only to keep you logged in (up to 30 days) and to remember your language choice (one year). No advertising or analytics cookies, and no third-party tracking.',
      ],
    },
    {
      heading: 'Export and deletion',
      paragraphs: [
        'On the dashboard’s “Account” page you can export your data as a JSON file or delete your account at any time. Deleting the account revokes your connection keys at once and purges all data after 30 days.',
      ],
    },
    {
      heading: 'Questions',
      paragraphs: ['For questions about this policy or your data, use the contact form.'],
    },
  ],
};

export const privacyContent: Record<Lang, PrivacyContent> = { ja, en };
