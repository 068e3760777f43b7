import type { FakeAccount, FakeMember, FakeRole, FakeRoom, FakeRoomType } from './types';

const ROOM_TYPES: readonly string[] = ['my', 'direct', 'group'] satisfies FakeRoomType[];
const ROLES: readonly string[] = ['admin', 'member', 'readonly'] satisfies FakeRole[];

/** ChatWork ids are JSON numbers, so they must be digit strings that survive Number() exactly. */
function assertId(value: unknown, where: string): asserts value is string {
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new TypeError(`${where} must be a string of digits (a positive safe integer), got ${JSON.stringify(value)}`);
  }
}

function assertText(value: unknown, where: string): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

function checkMember(value: unknown, where: string): FakeMember {
  const member = (value ?? {}) as Partial<FakeMember>;
  assertId(member.accountId, `${where}.accountId`);
  assertText(member.name, `${where}.name`);
  if (member.role !== undefined && !ROLES.includes(member.role)) {
    throw new TypeError(`${where}.role must be one of ${ROLES.join(', ')}`);
  }
  return { accountId: member.accountId, name: member.name, ...(member.role ? { role: member.role } : {}) };
}

function checkRoom(value: unknown, where: string): FakeRoom {
  const room = (value ?? {}) as Partial<FakeRoom>;
  assertId(room.roomId, `${where}.roomId`);
  assertText(room.name, `${where}.name`);
  if (room.type === undefined || !ROOM_TYPES.includes(room.type)) {
    throw new TypeError(`${where}.type must be one of ${ROOM_TYPES.join(', ')}`);
  }
  if (room.role === undefined || !ROLES.includes(room.role)) {
    throw new TypeError(`${where}.role must be one of ${ROLES.join(', ')}`);
  }
  if (room.members !== undefined && !Array.isArray(room.members)) {
    throw new TypeError(`${where}.members must be an array`);
  }
  const checked: FakeRoom = { roomId: room.roomId, name: room.name, type: room.type, role: room.role };
  if (room.members) checked.members = room.members.map((member, i) => checkMember(member, `${where}.members[${i}]`));
  return checked;
}

/**
 * Validates an account (from test code or from JSON posted to the control surface) and returns a
 * deep copy, so later changes to the caller's object cannot alter the fake behind its back.
 */
export function checkAccount(value: unknown): FakeAccount {
  const account = (value ?? {}) as Partial<FakeAccount>;
  assertText(account.token, 'account.token');
  assertId(account.accountId, 'account.accountId');
  assertText(account.name, 'account.name');
  if (!Array.isArray(account.rooms)) throw new TypeError('account.rooms must be an array');
  const rooms = account.rooms.map((room, i) => checkRoom(room, `account.rooms[${i}]`));
  const seen = new Set<string>();
  for (const room of rooms) {
    if (seen.has(room.roomId)) throw new TypeError(`account.rooms lists room ${room.roomId} twice`);
    seen.add(room.roomId);
  }
  return { token: account.token, accountId: account.accountId, name: account.name, rooms };
}
