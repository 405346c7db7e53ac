import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema';

// What a user chose for how the app shows things to them, one row per user who chose anything.
// A separate table, so a new preference never touches the users table that every session reads.
export const userPreferences = pgTable('user_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** An IANA zone such as Europe/Berlin; null follows the browser's zone (the `tz` cookie). */
  timeZone: text('time_zone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
