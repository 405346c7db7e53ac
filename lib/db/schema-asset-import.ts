import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// A CSV import in progress (lib/assets/import/staging.ts): its checked rows wait here, written in
// short transactions, until one last transaction applies them all to assets and drops the import.
// A row here is never an asset: rows of an import that did not finish are deleted unapplied.

/** One import in progress; a row that stops being touched belongs to a server that died midway. */
export const assetImports = pgTable('asset_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set by every batch: an import idle for long is abandoned (its server was killed). */
  touchedAt: timestamp('touched_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A checked row of an import file, with the column types of assets, so a value the database cannot
 * store is refused here, on its line. No foreign keys: the import is dropped first, its rows after.
 */
export const assetImportRows = pgTable(
  'asset_import_rows',
  {
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    /** The asset this row updates (matched by tag when checked); null for a new asset. */
    existingId: uuid('existing_id'),
    /** That asset's version when the row was checked: an edit made since refuses the row at apply. */
    existingVersion: integer('existing_version'),
    assetTag: text('asset_tag').notNull(),
    name: text('name').notNull(),
    category: text('category'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    serial: text('serial'),
    status: text('status'),
    location: text('location'),
    purchaseDate: date('purchase_date'),
    purchaseCost: numeric('purchase_cost', { precision: 12, scale: 2 }),
    warrantyEnd: date('warranty_end'),
    notes: text('notes'),
    /** The asset's custom values after this row, by field id, checked (check-inventory.ts); null keeps them. */
    customValues: jsonb('custom_values').$type<Record<string, string | number | boolean>>(),
  },
  (table) => [
    primaryKey({ columns: [table.importId, table.line] }),
    // A later batch asks whether an earlier one already moved an asset's serial away.
    index('asset_import_rows_existing_idx').on(table.importId, table.existingId),
  ],
);
