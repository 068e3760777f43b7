import { type Db, withTenant } from '@k2c/db';
import { insertInquiry } from '../queries/account-data';

/** Keeps a message from the contact form; a logged-in sender's inquiry is linked to the account. */
export function submitInquiry(
  db: Db,
  input: { name: string; email: string; message: string; tenantId?: string | undefined },
): Promise<{ id: string }> {
  const { tenantId } = input;
  return tenantId ? withTenant(db, tenantId, (tx) => insertInquiry(tx, input)) : insertInquiry(db, input);
}
