import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema';

// A bulk change (lib/bulk/): what was asked, and per item what the preview saw and what applying
// it did. An item's outcome is written in the transaction that changes the item, so a job that
// dies midway resumes exactly where it stopped.

export const bulkChangeStates = ['previewed', 'queued', 'running', 'done'] as const;
export type BulkChangeState = (typeof bulkChangeStates)[number];

export const bulkChanges = pgTable(
  'bulk_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'asset' or 'ticket' (lib/bulk/targets.ts). */
    target: text('target').notNull(),
    /** The action's kind, e.g. 'asset.status' (lib/bulk/actions/). */
    action: text('action').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** The change in words, fixed at the preview ("Set the status to Retired"). */
    description: text('description').notNull(),
    /** Who previewed it; only they may apply it, and a job acts as them (with their role of that moment). */
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ipAddress: text('ip_address'),
    /** What was selected, in words ("3 selected assets", "all assets matching status: In stock"). */
    scope: text('scope').notNull(),
    state: text('state').$type<BulkChangeState>().notNull().default('previewed'),
    total: integer('total').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('bulk_changes_actor_idx').on(table.actorId, table.createdAt)],
);

export const bulkItemPlans = ['change', 'skip'] as const;
export type BulkItemPlan = (typeof bulkItemPlans)[number];
export const bulkItemOutcomes = ['changed', 'skipped', 'stale', 'failed'] as const;
export type BulkItemOutcome = (typeof bulkItemOutcomes)[number];

export const bulkChangeItems = pgTable(
  'bulk_change_items',
  {
    bulkChangeId: uuid('bulk_change_id')
      .notNull()
      .references(() => bulkChanges.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    itemId: uuid('item_id').notNull(),
    /** The tag or reference, as the preview saw it. */
    label: text('label').notNull(),
    /** The row's version when previewed: applying writes at this version or reports the item. */
    version: integer('version').notNull(),
    plan: text('plan').$type<BulkItemPlan>().notNull(),
    /** Why it cannot be changed (plan 'skip'), or what will change. */
    reason: text('reason'),
    outcome: text('outcome').$type<BulkItemOutcome>(),
    outcomeReason: text('outcome_reason'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.bulkChangeId, table.position] }),
    // The job's next chunk: the planned items without an outcome, in order.
    index('bulk_change_items_pending_idx')
      .on(table.bulkChangeId, table.position)
      .where(sql`${table.outcome} is null and ${table.plan} = 'change'`),
  ],
);
