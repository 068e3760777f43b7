import { describe, expect, it } from 'vitest';
import type { RoomInfo } from './relay-client';
import { canPost, filterRooms, findRoom } from './room-filter';

const rooms: RoomInfo[] = [
  { roomId: '2001', name: '営業チーム', type: 'group', role: 'member' },
  { roomId: '2002', name: 'Support Desk', type: 'group', role: 'admin' },
  { roomId: '3001', name: 'お知らせ', type: 'group', role: 'readonly' },
];

describe('room filter', () => {
  it('filters by name (any case) or id', () => {
    expect(filterRooms(rooms, '営業').map((room) => room.roomId)).toEqual(['2001']);
    expect(filterRooms(rooms, 'support').map((room) => room.roomId)).toEqual(['2002']);
    expect(filterRooms(rooms, '200').map((room) => room.roomId)).toEqual(['2001', '2002']);
    expect(filterRooms(rooms, ' ')).toHaveLength(3);
  });

  it('finds a room by id and tells whether it can be posted to', () => {
    expect(findRoom(rooms, ' 3001 ')?.name).toBe('お知らせ');
    expect(findRoom(rooms, '9')).toBeUndefined();
    expect(findRoom(null, '2001')).toBeUndefined();
    expect(rooms.map(canPost)).toEqual([true, true, false]);
  });
});
