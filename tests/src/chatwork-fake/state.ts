import { checkAccount } from './accounts';
import type {
  FakeAccount,
  FakeRole,
  FakeRoom,
  ReceivedMessage,
  RecordedRequest,
  WaitForMessagesOptions,
} from './types';

/**
 * Real message ids are 64-bit integers sent as strings (19 digits today). Starting in that range
 * means a client that runs them through Number() loses precision (doubles are 256 apart up there)
 * and sees duplicate ids — a bug this fake should surface, not hide.
 */
const FIRST_MESSAGE_ID = 1_900_000_000_000_000_001n;
const DEFAULT_WAIT_MS = 5000;

export interface ResolvedMember {
  accountId: string;
  name: string;
  role: FakeRole;
}

interface Waiter {
  count: number;
  roomId: string | undefined;
  resolve: (messages: ReceivedMessage[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Everything the fake remembers: configured accounts (kept across reset) and traffic (forgotten by reset). */
export class FakeState {
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly revoked = new Set<string>();
  private received: ReceivedMessage[] = [];
  private recorded: RecordedRequest[] = [];
  // Never rewound, not even by reset(): an id seen before a reset can never come back.
  private nextMessageId = FIRST_MESSAGE_ID;
  private readonly waiters = new Set<Waiter>();

  /** Adds or replaces the account for this token; re-adding a revoked token makes it valid again. */
  addAccount(account: FakeAccount): void {
    const checked = checkAccount(account);
    this.accounts.set(checked.token, checked);
    this.revoked.delete(checked.token);
  }

  /** Like re-issuing the token in ChatWork: the old token stops working at once. */
  revokeToken(token: string): void {
    this.revoked.add(token);
  }

  accountForToken(token: string | undefined): FakeAccount | undefined {
    if (token === undefined || this.revoked.has(token)) return undefined;
    return this.accounts.get(token);
  }

  roomOf(account: FakeAccount, roomId: string): FakeRoom | undefined {
    return account.rooms.find((room) => room.roomId === roomId);
  }

  accountName(accountId: string): string | undefined {
    for (const account of this.accounts.values()) if (account.accountId === accountId) return account.name;
    return undefined;
  }

  roomName(roomId: string): string | undefined {
    for (const account of this.accounts.values()) {
      const room = this.roomOf(account, roomId);
      if (room) return room.name;
    }
    return undefined;
  }

  /**
   * Room membership is derived from every configured account (revoked or not — the person is still
   * in the room) that lists the room, plus any extra `members` declared on it. A configured
   * account's own role wins over a `members` entry for the same person.
   */
  membersOf(roomId: string): ResolvedMember[] {
    const members = new Map<string, ResolvedMember>();
    const holders = [...this.accounts.values()].flatMap((account) => {
      const room = this.roomOf(account, roomId);
      return room ? [{ account, room }] : [];
    });
    for (const { account, room } of holders) {
      members.set(account.accountId, { accountId: account.accountId, name: account.name, role: room.role });
    }
    for (const { room } of holders) {
      for (const member of room.members ?? []) {
        if (members.has(member.accountId)) continue;
        members.set(member.accountId, {
          accountId: member.accountId,
          name: member.name,
          role: member.role ?? 'member',
        });
      }
    }
    return [...members.values()];
  }

  recordMessage(input: Omit<ReceivedMessage, 'messageId'>): ReceivedMessage {
    const message: ReceivedMessage = { messageId: String(this.nextMessageId), ...input };
    this.nextMessageId += 1n;
    this.received.push(message);
    this.notifyWaiters();
    return { ...message };
  }

  /** Oldest first; copies, so callers cannot rewrite history. */
  messages(roomId?: string): ReceivedMessage[] {
    return this.received.filter((message) => roomId === undefined || message.roomId === roomId).map((m) => ({ ...m }));
  }

  /** Returns the live record so the server can fill in the status once it answers. */
  recordRequest(request: RecordedRequest): RecordedRequest {
    this.recorded.push(request);
    return request;
  }

  requests(): RecordedRequest[] {
    return this.recorded.map((request) => ({ ...request }));
  }

  waitForMessages(count: number, options: WaitForMessagesOptions = {}): Promise<ReceivedMessage[]> {
    const { roomId } = options;
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const ready = this.messages(roomId);
    if (ready.length >= count) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        count,
        roomId,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const got = this.messages(roomId);
          const where = roomId === undefined ? '' : ` in room ${roomId}`;
          const bodies = got.map((message) => JSON.stringify(message.body.slice(0, 80))).join(', ');
          reject(
            new Error(
              `ChatWork fake: expected at least ${count} message(s)${where} within ${timeoutMs} ms, ` +
                `received ${got.length}${got.length ? `: ${bodies}` : ''}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Forgets traffic; accounts and revocations are configuration and stay. */
  resetTraffic(): void {
    this.received = [];
    this.recorded = [];
  }

  rejectWaiters(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }

  private notifyWaiters(): void {
    for (const waiter of this.waiters) {
      const matching = this.messages(waiter.roomId);
      if (matching.length < waiter.count) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(matching);
    }
  }
}
