import { sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema';
import { locations } from './schema-places';
import {
  assetStatuses,
  openWorkStatuses,
  ticketPriorities,
  ticketStatuses,
  type AssetStatus,
  type TicketPriority,
  type TicketStatus,
} from './enums';
import { ticketSlaColumns, ticketSlaIndexes } from './schema-sla-columns';
import { bytea, tsvector } from './types';

// Tickets, assets and licenses. Every list in the app has an index behind it here.

export { assetStatuses, ticketPriorities, ticketStatuses, type AssetStatus, type TicketPriority, type TicketStatus };

/** A table of changes per status, appended to by triggers: see assetStatusCounts. */
function statusCounts<Status extends string>(name: string) {
  return pgTable(name, {
    status: text('status').$type<Status>().notNull(),
    delta: bigint('delta', { mode: 'number' }).notNull(),
  });
}

/** The row this one belongs to: required, and deleting it deletes this row too. */
const belongsTo = (name: string, parentId: () => AnyPgColumn) =>
  uuid(name).notNull().references(parentId, { onDelete: 'cascade' });

const inList = (column: SQL, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;

export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1001 });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Shown as T-1001; from a sequence so numbers never repeat, even across processes.
    number: bigint('number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('ticket_number_seq')`),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').notNull().default('General'),
    priority: text('priority').$type<TicketPriority>().notNull().default('normal'),
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`to_tsvector('simple', coalesce(${tickets.title}, '') || ' ' || coalesce(${tickets.description}, ''))`,
      ),
    ...ticketSlaColumns,
  },
  (table) => [
    ...ticketSlaIndexes(table),
    uniqueIndex('tickets_number_key').on(table.number),
    check('tickets_status_check', inList(sql`${table.status}`, ticketStatuses)),
    check('tickets_priority_check', inList(sql`${table.priority}`, ticketPriorities)),
    index('tickets_status_updated_idx').on(table.status, table.updatedAt),
    // The dashboard's open-ticket breakdown reads status, priority and assignee from this alone.
    index('tickets_status_priority_assignee_idx').on(table.status, table.priority, table.assigneeId),
    // With the id, the index holds the lists' whole sort key (updated or created, then id): a page
    // deep in the list is an index-only walk, and rows with the same time need no extra sort.
    index('tickets_updated_id_idx').on(table.updatedAt, table.id),
    index('tickets_created_id_idx').on(table.createdAt, table.id),
    index('tickets_assignee_status_idx').on(table.assigneeId, table.status, table.updatedAt),
    index('tickets_requester_created_idx').on(table.requesterId, table.createdAt),
    index('tickets_priority_idx').on(table.priority, table.updatedAt),
    index('tickets_category_idx').on(table.category),
    index('tickets_resolved_idx').on(table.resolvedAt),
    index('tickets_search_idx').using('gin', table.searchVector),
    // A search in open work (the agents' queue) reads only open tickets' entries: with the whole
    // index, a common word's thousands of closed matches were read and thrown away.
    index('tickets_open_work_search_idx')
      .using('gin', table.searchVector)
      .where(inList(sql`${table.status}`, openWorkStatuses)),
  ],
);

/** Tickets by status, kept the same way as assetStatusCounts (drizzle/0005). */
export const ticketStatusCounts = statusCounts<TicketStatus>('ticket_status_counts');

export const ticketComments = pgTable(
  'ticket_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: belongsTo('ticket_id', () => tickets.id),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    // Internal notes are for agents and admins only; never shown or returned to requesters.
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ticket_comments_ticket_idx').on(table.ticketId, table.createdAt)],
);

/** The activity timeline: one row per change (status, assignee, priority, links, ...). */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: belongsTo('ticket_id', () => tickets.id),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ticket_events_ticket_idx').on(table.ticketId, table.createdAt)],
);

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetTag: text('asset_tag').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull().default('Other'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    serial: text('serial'),
    status: text('status').$type<AssetStatus>().notNull().default('in_stock'),
    // The path of location_id ("HQ / 2nd floor"), kept by lib/locations/ for search and lists.
    location: text('location'),
    locationId: uuid('location_id').references(() => locations.id),
    // Custom field values by field id (lib/custom-fields/), validated against the category's fields.
    customValues: jsonb('custom_values').$type<Record<string, string | number | boolean>>().notNull().default({}),
    // Searched beside search_vector (lib/assets/search.ts); its own column, so adding it left that one as it was.
    customSearch: tsvector('custom_search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`jsonb_to_tsvector('simple', ${assets.customValues}, '["string", "numeric"]')`),
    // The last audit that scanned it (lib/location-audits/): when, where and by whom.
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    lastSeenLocationId: uuid('last_seen_location_id').references(() => locations.id, { onDelete: 'set null' }),
    lastSeenById: uuid('last_seen_by_id').references(() => users.id, { onDelete: 'set null' }),
    purchaseDate: date('purchase_date'),
    purchaseCost: numeric('purchase_cost', { precision: 12, scale: 2 }),
    warrantyEnd: date('warranty_end'),
    notes: text('notes'),
    assignedToId: uuid('assigned_to_id').references(() => users.id),
    expectedReturn: date('expected_return'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`to_tsvector('simple', coalesce(${assets.assetTag}, '') || ' ' || coalesce(${assets.name}, '') || ' ' || coalesce(${assets.serial}, '') || ' ' || coalesce(${assets.manufacturer}, '') || ' ' || coalesce(${assets.model}, '') || ' ' || coalesce(${assets.location}, ''))`,
      ),
  },
  (table) => [
    uniqueIndex('assets_asset_tag_key').on(sql`lower(${table.assetTag})`),
    uniqueIndex('assets_serial_key')
      .on(sql`lower(${table.serial})`)
      .where(sql`${table.serial} is not null`),
    check('assets_status_check', inList(sql`${table.status}`, assetStatuses)),
    index('assets_status_idx').on(table.status, table.updatedAt),
    // The list's default sort key in full; a CSV import gives thousands of rows the same updated_at.
    index('assets_updated_id_idx').on(table.updatedAt, table.id),
    index('assets_assigned_idx').on(table.assignedToId),
    index('assets_category_idx').on(table.category),
    // With status, the dashboard counts expiring warranties of assets in service from the index alone.
    index('assets_warranty_status_idx').on(table.warrantyEnd, table.status),
    index('assets_search_idx').using('gin', table.searchVector),
    index('assets_location_idx').on(table.locationId),
    index('assets_custom_search_idx').using('gin', table.customSearch),
  ],
);

/**
 * Assets by status, kept by triggers on assets (drizzle/0004, 0005): each write appends the change
 * per status, so the dashboard and the unfiltered list sum a few rows instead of counting every
 * asset, and no writer waits for another on a shared counter. lib/db/status-counts.ts folds the
 * rows together now and then.
 */
export const assetStatusCounts = statusCounts<AssetStatus>('asset_status_counts');

/** Check-out / check-in history; the open row (checked_in_at null) is the current holder. */
export const assetAssignments = pgTable(
  'asset_assignments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assetId: belongsTo('asset_id', () => assets.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }).notNull().defaultNow(),
    checkedOutById: uuid('checked_out_by_id').references(() => users.id, { onDelete: 'set null' }),
    expectedReturn: date('expected_return'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInById: uuid('checked_in_by_id').references(() => users.id, { onDelete: 'set null' }),
    notes: text('notes'),
  },
  (table) => [
    index('asset_assignments_asset_idx').on(table.assetId, table.checkedOutAt),
    index('asset_assignments_user_idx').on(table.userId),
    uniqueIndex('asset_assignments_one_open_key')
      .on(table.assetId)
      .where(sql`${table.checkedInAt} is null`),
  ],
);

/** One image per asset, in the database so every process and server can serve it. */
export const assetImages = pgTable('asset_images', {
  assetId: uuid('asset_id')
    .primaryKey()
    .references(() => assets.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  byteSize: integer('byte_size').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ticketAssets = pgTable(
  'ticket_assets',
  {
    ticketId: belongsTo('ticket_id', () => tickets.id),
    assetId: belongsTo('asset_id', () => assets.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.ticketId, table.assetId] }),
    index('ticket_assets_asset_idx').on(table.assetId),
  ],
);

export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    vendor: text('vendor'),
    // Agents and admins only, masked until revealed.
    productKey: text('product_key'),
    seats: integer('seats').notNull(),
    expiresAt: date('expires_at'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('licenses_seats_check', sql`${table.seats} > 0`),
    index('licenses_expires_idx').on(table.expiresAt),
    index('licenses_name_idx').on(sql`lower(${table.name})`),
  ],
);

export const licenseSeats = pgTable(
  'license_seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenseId: belongsTo('license_id', () => licenses.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id').references(() => assets.id, { onDelete: 'cascade' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    assignedById: uuid('assigned_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    check('license_seats_one_holder', sql`(${table.userId} is null) <> (${table.assetId} is null)`),
    index('license_seats_license_idx').on(table.licenseId),
    uniqueIndex('license_seats_user_key')
      .on(table.licenseId, table.userId)
      .where(sql`${table.userId} is not null`),
    uniqueIndex('license_seats_asset_key')
      .on(table.licenseId, table.assetId)
      .where(sql`${table.assetId} is not null`),
  ],
);
