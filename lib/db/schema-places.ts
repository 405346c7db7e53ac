import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema';
import { catalogValues } from './schema-catalog';

// Places (site › building › room), the custom fields of asset categories and the audits of a
// place (issue 20). Assets point at a location by assets.location_id (schema-domain.ts).

/**
 * A place; `path` is its names from the top joined by " / " ("HQ / 2nd floor / 2.14"), kept by
 * lib/locations/ on every rename and move. Its unique index finds a path typed in a CSV file, and
 * a place's subtree is the paths that start with its own: one index range, no recursion.
 */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => locations.id),
    name: text('name').notNull(),
    path: text('path').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('locations_path_key').on(sql`lower(${table.path})`),
    index('locations_path_prefix_idx').on(sql`lower(${table.path}) text_pattern_ops`),
    index('locations_parent_idx').on(table.parentId),
  ],
);

export const customFieldKinds = ['text', 'number', 'date', 'yes_no', 'choice'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

/**
 * A field the assets of one category carry (laptop: RAM; phone: IMEI). Values live on the asset
 * (assets.custom_values, keyed by this id), so a renamed category keeps its fields.
 */
export const customFields = pgTable(
  'custom_fields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => catalogValues.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<CustomFieldKind>().notNull(),
    required: boolean('required').notNull().default(false),
    /** The choices of a 'choice' field, in the order offered. */
    options: jsonb('options').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('custom_fields_category_name_key').on(table.categoryId, sql`lower(${table.name})`),
    check('custom_fields_kind_check', sql`${table.kind} in ('text', 'number', 'date', 'yes_no', 'choice')`),
  ],
);

export type LocationAuditEntry = {
  assetId: string;
  assetTag: string;
  name: string;
  result: 'found' | 'missing' | 'unexpected';
  /** Where the asset was recorded before this audit. */
  recordedLocation: string | null;
};

/** One audit of a place: what was scanned there, kept whole for its CSV report. */
export const locationAudits = pgTable(
  'location_audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
    /** The place's path at the time, which stays readable after a rename or delete. */
    locationPath: text('location_path').notNull(),
    auditorId: uuid('auditor_id').references(() => users.id, { onDelete: 'set null' }),
    auditorName: text('auditor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    entries: jsonb('entries').$type<LocationAuditEntry[]>().notNull(),
    /** Scanned text that is no asset's tag. */
    unknownTags: jsonb('unknown_tags').$type<string[]>().notNull().default([]),
  },
  (table) => [index('location_audits_location_idx').on(table.locationId, table.at)],
);
