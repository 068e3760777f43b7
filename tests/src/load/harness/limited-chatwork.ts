import {
  type ChatworkFake,
  type FakeAccount,
  type RateLimitSetting,
  type ReceivedMessage,
  startChatworkFake,
} from '../../chatwork-fake/index';

/**
 * ChatWork's limits scaled down in time for the fault tests: 30 requests per 2 s per token
 * (ChatWork: 300 per 5 min) and 5 posts per 1 s per room (ChatWork: 10 per 10 s). The relays are
 * given the same limits, as they would be told ChatWork's real ones.
 */
export const SCALED_LIMITS: { token: RateLimitSetting; room: RateLimitSetting } = {
  token: { requests: 30, windowMs: 2_000 },
  room: { requests: 5, windowMs: 1_000 },
};

export interface LimitedChatwork {
  fake: ChatworkFake;
  /** The relay settings that describe the same limits the fake enforces. */
  relayEnv: { CHATWORK_RATE_LIMIT: string; CHATWORK_ROOM_RATE_LIMIT: string; CHATWORK_LIMIT_SLACK_MS: string };
}

/** `20/2s` for the relay from `{ requests: 20, windowMs: 2000 }` for the fake. */
export function relayLimit(limit: RateLimitSetting): string {
  return limit.windowMs % 1000 === 0
    ? `${limit.requests}/${limit.windowMs / 1000}s`
    : `${limit.requests}/${limit.windowMs}ms`;
}

/** The ChatWork fake with scaled-down limits, and the matching relay settings. */
export async function startLimitedChatwork(limits: {
  token: RateLimitSetting;
  room: RateLimitSetting;
}): Promise<LimitedChatwork> {
  const fake = await startChatworkFake({ tokenLimit: limits.token, roomLimit: limits.room });
  return {
    fake,
    relayEnv: {
      CHATWORK_RATE_LIMIT: relayLimit(limits.token),
      CHATWORK_ROOM_RATE_LIMIT: relayLimit(limits.room),
      CHATWORK_LIMIT_SLACK_MS: String(scaledSlackMs(limits.token)),
    },
  };
}

/** Room ids `first`, `first + 1`, … as ChatWork's digit strings. */
export function roomIds(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(first + index));
}

/** A ChatWork account (one API token) that may post in every one of `rooms`. */
export function botAccount(token: string, accountId: string, rooms: string[]): FakeAccount {
  return {
    token,
    accountId,
    name: `通知ボット ${accountId}`,
    rooms: rooms.map((roomId) => ({ roomId, name: `負荷試験 ${roomId}`, type: 'group', role: 'member' })),
  };
}

/** How many answers of `status` the fake gave (optionally only to requests whose path matches). */
export function answers(fake: ChatworkFake, status: number, path?: RegExp): number {
  return fake.requests().filter((request) => request.status === status && (!path || path.test(request.path))).length;
}

export const MESSAGE_POST_PATH = /^\/v2\/rooms\/\d+\/messages/;

/** Messages posted with `token` (each test uses a token of its own). */
export function messagesOf(fake: ChatworkFake, token: string): ReceivedMessage[] {
  return fake.messages().filter((message) => message.token === token);
}

/**
 * The relay's margin for jitter (1 s against ChatWork's 5-minute window), scaled like the window,
 * so a scaled-down run keeps production's proportions. Never below 10 ms: loopback jitter.
 */
export function scaledSlackMs(tokenLimit: RateLimitSetting): number {
  return Math.max(10, Math.round((1_000 * tokenLimit.windowMs) / 300_000));
}
