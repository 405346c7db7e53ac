import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// The managed lists the asset and ticket forms suggest from: one spelling per value, whatever case
// it is typed in ("hardware" is saved as the listed "Hardware"). Assets and tickets keep the text
// itself, so a list value renamed is renamed on them in the same transaction (lib/catalog/admin.ts).
// 'category', 'manufacturer' and 'model' are the asset lists; 'ticket_category' the tickets' one;
// 'kb_category' the knowledge base articles' one.

export const catalogKinds = ['category', 'manufacturer', 'model', 'ticket_category', 'kb_category'] as const;
export type CatalogKind = (typeof catalogKinds)[number];

export const catalogValues = pgTable(
  'catalog_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<CatalogKind>().notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('catalog_values_kind_name_key').on(table.kind, sql`lower(${table.name})`),
    check(
      'catalog_values_kind_check',
      sql`${table.kind} in ('category', 'manufacturer', 'model', 'ticket_category', 'kb_category')`,
    ),
  ],
);
