import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema';

// Agents' daily tools (issue 19): canned replies and saved list views.

/** A reply text with placeholders; no owner means shared by all staff (kept by admins). */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('canned_replies_owner_idx').on(table.ownerId)],
);

export const savedViewLists = ['tickets', 'assets'] as const;
export type SavedViewList = (typeof savedViewLists)[number];

/** A list's filters and sort (its query string, without the page) saved by name. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shared: boolean('shared').notNull().default(false),
    list: text('list').$type<SavedViewList>().notNull(),
    name: text('name').notNull(),
    query: text('query').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('saved_views_list_check', sql`${table.list} in ('tickets', 'assets')`),
    index('saved_views_owner_idx').on(table.ownerId),
    index('saved_views_shared_idx')
      .on(table.shared)
      .where(sql`${table.shared}`),
  ],
);
