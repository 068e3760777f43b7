import { chatworkRoomMembers, type Db } from '@k2c/db';
import { and, eq, sql } from '@k2c/db/operators';
import type { ChatworkClient } from '../chatwork/chatwork-client';
import type { BucketSpec } from './rate-buckets';
import { takeRateTokens } from './rate-buckets';

/** Member names change rarely; an hour keeps ChatWork calls for them negligible. */
export const MEMBER_NAMES_TTL_MS = 60 * 60_000;

export interface MemberNamesDeps {
  db: Db;
  chatwork: ChatworkClient;
}

/**
 * Names of a room's members for `[To:id]Name`, from the shared cache, or from ChatWork when the
 * cache is old — but only if the token's budget allows a request right now: a name is a nicety,
 * never a reason to delay or lose a message.
 */
export async function memberNames(
  deps: MemberNamesDeps,
  input: { token: string; tokenBucket: BucketSpec; roomId: string },
): Promise<Record<string, string>> {
  const tokenKey = input.tokenBucket.key;
  const [cached] = await deps.db
    .select()
    .from(chatworkRoomMembers)
    .where(and(eq(chatworkRoomMembers.tokenKey, tokenKey), eq(chatworkRoomMembers.roomId, input.roomId)));
  if (cached && Date.now() - cached.fetchedAt.getTime() < MEMBER_NAMES_TTL_MS) return cached.members;
  if (!(await takeRateTokens(deps.db, [input.tokenBucket])).taken) return cached?.members ?? {};
  const result = await deps.chatwork.members(input.token, input.roomId);
  if (!result.ok) return cached?.members ?? {};
  const members = Object.fromEntries(result.value.map((member) => [member.accountId, member.name]));
  await deps.db
    .insert(chatworkRoomMembers)
    .values({ tokenKey, roomId: input.roomId, members })
    .onConflictDoUpdate({
      target: [chatworkRoomMembers.tokenKey, chatworkRoomMembers.roomId],
      set: { members, fetchedAt: sql`now()` },
    });
  return members;
}
