import { check, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './schema';
import { bytea } from './types';

/** The logo printed on asset labels: at most one row (id 1), uploaded by an admin. */
export const labelLogo = pgTable(
  'label_logo',
  {
    id: smallint('id').primaryKey().default(1),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    byteSize: integer('byte_size').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [check('label_logo_single_row', sql`${table.id} = 1`)],
);
