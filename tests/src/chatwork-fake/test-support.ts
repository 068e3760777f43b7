/** Shared fixtures for this folder's tests (not a test file itself). */
import { connect } from 'node:net';
import type { ChatworkFake, FakeAccount } from './types';

export const ALICE: FakeAccount = {
  token: 'alice-token-0123456789abcdef',
  accountId: '101',
  name: 'Alice',
  rooms: [
    { roomId: '1000', name: 'マイチャット', type: 'my', role: 'admin' },
    { roomId: '2000', name: 'General', type: 'group', role: 'member', members: [{ accountId: '303', name: 'Carol' }] },
    { roomId: '3000', name: 'Announcements', type: 'group', role: 'readonly' },
  ],
};

export const BOB: FakeAccount = {
  token: 'bob-token-fedcba9876543210',
  accountId: '202',
  name: 'Bob',
  rooms: [
    { roomId: '2000', name: 'General', type: 'group', role: 'admin' },
    { roomId: '4000', name: 'Bob only', type: 'group', role: 'admin' },
  ],
};

/** A clock tests move by hand; starts at a non-round instant so second rounding is visible. */
export class TestClock {
  time = 1_750_000_000_500;
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export function api(fake: ChatworkFake, path: string, init: RequestInit & { token?: string | null } = {}) {
  const { token = ALICE.token, headers, ...rest } = init;
  const merged = new Headers(headers);
  if (token !== null) merged.set('X-ChatWorkToken', token);
  return fetch(`${fake.url}${path}`, { ...rest, headers: merged });
}

/** POSTs a message the way ChatWork requires: form-encoded body (fetch adds the content type). */
export function postMessage(
  fake: ChatworkFake,
  roomId: string,
  params: Record<string, string>,
  init: RequestInit & { token?: string | null } = {},
) {
  return api(fake, `/rooms/${roomId}/messages`, { method: 'POST', body: new URLSearchParams(params), ...init });
}

/** Sends raw bytes (for malformed requests fetch refuses to make) and returns the raw answer. */
export function rawHttp(origin: string, request: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
