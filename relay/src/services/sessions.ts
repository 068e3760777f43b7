import { type Db, withTenant } from '@k2c/db';
import { constantTimeEqual, randomToken, sha256Hex } from '../crypto/secrets';
import { deleteSession, findLiveSession, insertSession } from '../queries/sessions';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  sessionId: string;
  userId: string;
  email: string;
  tenantId: string;
  tenantName: string;
}

/** Opens a session and returns its token `<id>.<secret>`; only the secret's hash is stored. */
export async function openSession(db: Db, user: { userId: string; tenantId: string }, now: Date) {
  const id = randomToken(18);
  const secret = randomToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await withTenant(db, user.tenantId, (tx) =>
    insertSession(tx, {
      id,
      userId: user.userId,
      tenantId: user.tenantId,
      secretHash: sha256Hex(secret),
      expiresAt,
    }),
  );
  return { token: `${id}.${secret}`, expiresAt };
}

export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionUser | undefined> {
  const [id, secret] = token.split('.');
  if (!id || !secret || token.length > 200) return undefined;
  const found = await findLiveSession(db, id, now);
  if (!found || !constantTimeEqual(found.session.secretHash, sha256Hex(secret))) return undefined;
  return {
    sessionId: found.session.id,
    userId: found.user.id,
    email: found.user.email,
    tenantId: found.tenant.id,
    tenantName: found.tenant.name,
  };
}

export function closeSession(db: Db, session: { sessionId: string; tenantId: string }): Promise<void> {
  return withTenant(db, session.tenantId, (tx) => deleteSession(tx, session.sessionId));
}
