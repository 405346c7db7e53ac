import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema';
import { tickets } from './schema-domain';

// What each agent has seen of each ticket: the lists compare a ticket's last change with it to
// mark the news. Its key (user, ticket) is the index the lists' one join reads, a row per ticket.
export const ticketReads = pgTable(
  'ticket_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The ticket's updated_at as this user last saw it (or changed it themselves). */
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.ticketId] }),
    // For deleting a ticket's rows with the ticket.
    index('ticket_reads_ticket_idx').on(table.ticketId),
  ],
);
