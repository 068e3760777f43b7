/**
 * Public types of the ChatWork fake. ChatWork's own JSON uses numbers for account and room ids; the
 * fake's configuration uses digit strings instead, so ids never lose precision in test code and the
 * JSON layer (chatwork-json.ts) is the single place that converts them to ChatWork's types.
 */

export type FakeRoomType = 'my' | 'direct' | 'group';
export type FakeRole = 'admin' | 'member' | 'readonly';

export interface FakeMember {
  accountId: string;
  name: string;
  role?: FakeRole;
}

/** A room as seen by one account: `role` is that account's role in the room. */
export interface FakeRoom {
  roomId: string;
  name: string;
  type: FakeRoomType;
  role: FakeRole;
  members?: FakeMember[];
}

export interface FakeAccount {
  token: string;
  accountId: string;
  name: string;
  rooms: FakeRoom[];
}

export interface ReceivedMessage {
  messageId: string;
  roomId: string;
  body: string;
  accountId: string;
  token: string;
  selfUnread: boolean;
  /** Epoch ms, from the fake's clock (`options.now`). */
  receivedAt: number;
}

export type FaultKind = 'status' | 'timeout' | 'delay';

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/v2/rooms/100/messages?body=x`. */
  path: string;
  /** Status sent to the client; `null` while unanswered and for requests held by a timeout fault. */
  status: number | null;
  /** The `X-ChatWorkToken` header as sent (tokens in the fake are test tokens), or null when absent. */
  token: string | null;
  /** Epoch ms when the request arrived, from the fake's clock. */
  time: number;
  /** Set when an injected fault shaped this request's answer. */
  fault?: FaultKind;
}

export interface RateLimitSetting {
  requests: number;
  windowMs: number;
}

export interface ChatworkFakeOptions {
  /** 0 = random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Per token; default 300 requests per 300_000 ms, fixed window. */
  tokenLimit?: RateLimitSetting;
  /** Message posts per room, shared by all tokens; default 10 per 10_000 ms, sliding window. */
  roomLimit?: RateLimitSetting;
  /** Clock for rate limits and timestamps (default Date.now). Delay faults still use real timers. */
  now?: () => number;
}

/** ChatWork answers 5xx from its own servers and from its gateway; these are the ones tests inject. */
export type FaultStatus = 500 | 502 | 503 | 504;

interface FaultBase {
  /** How many matching requests the fault applies to; omitted = until `clearFaults()`. */
  count?: number;
  /**
   * Which requests it applies to (default: every /v2 request). A RegExp is tested against the
   * pathname (`/v2/rooms/100/messages`); a string must equal the pathname, with or without `/v2`.
   */
  path?: RegExp | string;
}

/** Answer `status` with a ChatWork-style JSON error; the request has no effect (nothing recorded). */
export interface StatusFault extends FaultBase {
  kind: 'status';
  status: FaultStatus;
}

/**
 * Never answer; the socket stays open until the client gives up or the fake closes. With
 * `afterAccept` the request takes effect (a message IS recorded) and only the answer is lost.
 */
export interface TimeoutFault extends FaultBase {
  kind: 'timeout';
  afterAccept?: boolean;
}

/** Answer normally after `ms` of real time. */
export interface DelayFault extends FaultBase {
  kind: 'delay';
  ms: number;
}

export type Fault = StatusFault | TimeoutFault | DelayFault;

export interface WaitForMessagesOptions {
  roomId?: string;
  /** Default 5000 ms (real time). */
  timeoutMs?: number;
}

export interface ChatworkFake {
  /** Base URL including /v2, e.g. http://127.0.0.1:43123/v2 — the relay's CHATWORK_API_URL. */
  url: string;
  /** e.g. http://127.0.0.1:43123 — the control surface lives at `${origin}/__fake/`. */
  origin: string;
  addAccount(account: FakeAccount): void;
  revokeToken(token: string): void;
  messages(roomId?: string): ReceivedMessage[];
  requests(): RecordedRequest[];
  injectFault(fault: Fault): void;
  clearFaults(): void;
  waitForMessages(count: number, options?: WaitForMessagesOptions): Promise<ReceivedMessage[]>;
  reset(): void;
  close(): Promise<void>;
}
