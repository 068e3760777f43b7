import type { Db } from '@k2c/db';
import { closeInquiry, listInquiries } from '@k2c/relay';

export type Print = (line: string) => void;

/** `ops inquiries [open|closed|all]`: the contact-form messages, oldest first. */
export async function printInquiries(db: Db, status: 'open' | 'closed' | 'all', print: Print): Promise<void> {
  const rows = await listInquiries(db, status);
  if (rows.length === 0) {
    print(`問い合わせはありません / No ${status === 'all' ? '' : `${status} `}inquiries.`);
    return;
  }
  for (const row of rows) {
    print(
      `${row.id}  ${row.status}  ${row.createdAt.toISOString()}  ${row.name} <${row.email}>${row.tenantId ? `  tenant ${row.tenantId}` : ''}`,
    );
    for (const line of row.message.split('\n')) print(`    ${line}`);
  }
}

/** `ops close-inquiry <id>`: closing starts its 24-month retention. */
export async function closeInquiryCommand(db: Db, id: string, now: Date, print: Print): Promise<boolean> {
  const closed = /^[0-9a-f-]{36}$/i.test(id) && (await closeInquiry(db, id, now));
  print(closed ? `閉じました / Closed ${id}.` : `開いている問い合わせ ${id} はありません / No open inquiry ${id}.`);
  return closed;
}
