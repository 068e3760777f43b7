import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// Room members as ChatWork listed them, so `[To:id]` mentions can carry the member's name without
// every instance asking ChatWork again. Keyed by the token's hash: what a token may see is its own.
export const chatworkRoomMembers = pgTable(
  'chatwork_room_members',
  {
    tokenKey: text('token_key').notNull(),
    roomId: text('room_id').notNull(),
    members: jsonb('members').$type<Record<string, string>>().notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tokenKey, table.roomId] })],
);
