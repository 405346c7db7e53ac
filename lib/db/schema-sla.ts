import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './schema-domain';
import type { TicketPriority } from './enums';

// SLA policies and the business calendar they count on (lib/sla/). A ticket's due times are
// columns of the ticket itself (schema-sla-columns.ts).

/** Per weekday (0 = Sunday) the working hours as minutes after midnight, or null for a day off. */
export type StoredWeek = ({ start: number; end: number } | null)[];

// One row: the calendar. Absent, the default applies (lib/sla/calendar.ts).
export const slaCalendar = pgTable(
  'sla_calendar',
  {
    id: smallint('id').primaryKey().default(1),
    timeZone: text('time_zone').notNull(),
    week: jsonb('week').$type<StoredWeek>().notNull(),
    /** A date-holidays country code ("DE") and optional region ("BY"); their public holidays are days off. */
    holidayCountry: text('holiday_country'),
    holidayRegion: text('holiday_region'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('sla_calendar_single_row', sql`${table.id} = 1`)],
);

/** Days off an admin adds beside the country's public holidays. */
export const slaHolidays = pgTable('sla_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});

/**
 * Targets in business minutes for one priority; without a row, or with both empty, it has no SLA.
 * A priority whose SLA is turned off keeps its row, so its version never starts over.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    priority: text('priority').$type<TicketPriority>().primaryKey(),
    firstResponseMinutes: integer('first_response_minutes'),
    resolutionMinutes: integer('resolution_minutes'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'sla_policies_both_targets',
      sql`(${table.firstResponseMinutes} is null) = (${table.resolutionMinutes} is null)`,
    ),
  ],
);

export const slaTargets = ['first_response', 'resolution'] as const;
export type SlaTarget = (typeof slaTargets)[number];
export const slaStages = ['warning', 'breach'] as const;
export type SlaStage = (typeof slaStages)[number];

// One row per warning sent: its key makes a second one impossible, after a restart or on another process.
export const ticketSlaWarnings = pgTable(
  'ticket_sla_warnings',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    target: text('target').$type<SlaTarget>().notNull(),
    stage: text('stage').$type<SlaStage>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.ticketId, table.target, table.stage] })],
);
