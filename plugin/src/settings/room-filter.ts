import type { RoomInfo } from './relay-client';

/** A readonly member cannot post, so such a room is shown but never offered as a target. */
export function canPost(room: RoomInfo): boolean {
  return room.role !== 'readonly';
}

/** Rooms whose name or id contains the query (case-insensitive); all of them for an empty query. */
export function filterRooms(rooms: readonly RoomInfo[], query: string): RoomInfo[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...rooms];
  return rooms.filter((room) => room.name.toLowerCase().includes(needle) || room.roomId.includes(needle));
}

export function findRoom(rooms: readonly RoomInfo[] | null, roomId: string): RoomInfo | undefined {
  const id = roomId.trim();
  return rooms?.find((room) => room.roomId === id);
}
