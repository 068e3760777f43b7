/** What ChatWork said about its rate limit on an answer (`X-RateLimit-*`). */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** When the window resets, in epoch milliseconds. */
  resetAt: number;
}

export type ChatworkResult<T> =
  | { ok: true; value: T; rateLimit: RateLimitState | undefined }
  | { ok: false; kind: 'http'; status: number; errors: string[]; rateLimit: RateLimitState | undefined }
  | { ok: false; kind: 'network'; message: string; timedOut: boolean };

export interface ChatworkAccount {
  accountId: string;
  name: string;
}

export interface ChatworkRoom {
  roomId: string;
  name: string;
  type: string;
  role: string;
}

export interface ChatworkMember {
  accountId: string;
  name: string;
}

export interface ChatworkClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

function readRateLimit(headers: Headers): RateLimitState | undefined {
  const limit = Number(headers.get('x-ratelimit-limit'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!headers.has('x-ratelimit-reset') || !Number.isFinite(reset)) return undefined;
  return { limit, remaining, resetAt: reset * 1000 };
}

async function readErrors(response: Response): Promise<string[]> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { errors?: unknown };
    if (Array.isArray(parsed.errors)) return parsed.errors.map(String);
  } catch {
    // ChatWork answers JSON; a proxy in between may not.
  }
  return text ? [text.slice(0, 200)] : [];
}

/**
 * A thin client for the three ChatWork calls the relay makes. It never throws for an HTTP or
 * network failure: the caller decides what each outcome means (retry, hold, fail).
 */
export class ChatworkClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ChatworkClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  private async request<T>(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    read: (json: unknown) => T,
    form?: URLSearchParams,
  ): Promise<ChatworkResult<T>> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          'X-ChatWorkToken': token,
          Accept: 'application/json',
          // Since July 2025 ChatWork reads POST parameters only from a form-encoded body.
          ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: form.toString() } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { ok: false, kind: 'network', message: error instanceof Error ? error.message : String(error), timedOut };
    }
    const rateLimit = readRateLimit(response.headers);
    if (!response.ok) {
      return { ok: false, kind: 'http', status: response.status, errors: await readErrors(response), rateLimit };
    }
    try {
      return { ok: true, value: read(await response.json()), rateLimit };
    } catch (error) {
      return { ok: false, kind: 'network', message: `unexpected answer: ${String(error)}`, timedOut: false };
    }
  }

  me(token: string): Promise<ChatworkResult<ChatworkAccount>> {
    return this.request(token, 'GET', '/me', (json) => {
      const me = json as { account_id: number | string; name: string };
      return { accountId: String(me.account_id), name: String(me.name) };
    });
  }

  rooms(token: string): Promise<ChatworkResult<ChatworkRoom[]>> {
    return this.request(token, 'GET', '/rooms', (json) =>
      (json as { room_id: number | string; name: string; type: string; role: string }[]).map((room) => ({
        roomId: String(room.room_id),
        name: String(room.name),
        type: String(room.type),
        role: String(room.role),
      })),
    );
  }

  members(token: string, roomId: string): Promise<ChatworkResult<ChatworkMember[]>> {
    return this.request(token, 'GET', `/rooms/${encodeURIComponent(roomId)}/members`, (json) =>
      (json as { account_id: number | string; name: string }[]).map((member) => ({
        accountId: String(member.account_id),
        name: String(member.name),
      })),
    );
  }

  postMessage(token: string, roomId: string, body: string): Promise<ChatworkResult<{ messageId: string }>> {
    const form = new URLSearchParams({ body, self_unread: '0' });
    return this.request(
      token,
      'POST',
      `/rooms/${encodeURIComponent(roomId)}/messages`,
      (json) => ({ messageId: String((json as { message_id: string | number }).message_id) }),
      form,
    );
  }
}
