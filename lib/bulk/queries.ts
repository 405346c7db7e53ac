import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import {
  bulkChangeItems,
  bulkChanges,
  type BulkChangeState,
  type BulkItemOutcome,
  type BulkItemPlan,
} from '../db/schema-bulk';
import { AppError } from '../errors';
import { offsetOf, type Page } from '../list-params';
import { isUuid } from '../validation';
import type { BulkTarget } from './action';
import { assertMayBulkChange } from './preview';

export type BulkCounts = {
  total: number;
  /** Preview: planned changes and items that cannot change. */
  planned: number;
  refused: number;
  /** Apply: outcomes so far. */
  changed: number;
  skipped: number;
  stale: number;
  failed: number;
  /** Items with an outcome (changed + skipped + stale + failed). */
  done: number;
};

export type BulkChangeView = {
  id: string;
  target: BulkTarget;
  action: string;
  description: string;
  scope: string;
  state: BulkChangeState;
  createdAt: Date;
  appliedAt: Date | null;
  finishedAt: Date | null;
  counts: BulkCounts;
};

export type BulkItemView = {
  position: number;
  itemId: string;
  label: string;
  plan: BulkItemPlan;
  reason: string | null;
  outcome: BulkItemOutcome | null;
  outcomeReason: string | null;
};

const notFound = () => new AppError('not_found', 'No such bulk change.');

/** A bulk change and its counts, for the person who made it. */
export async function findBulkChange(executor: Executor, actor: Actor, id: string): Promise<BulkChangeView> {
  assertMayBulkChange(actor);
  if (!isUuid(id)) throw notFound();
  const [change] = await executor
    .select({
      id: bulkChanges.id,
      target: bulkChanges.target,
      action: bulkChanges.action,
      description: bulkChanges.description,
      scope: bulkChanges.scope,
      state: bulkChanges.state,
      total: bulkChanges.total,
      createdAt: bulkChanges.createdAt,
      appliedAt: bulkChanges.appliedAt,
      finishedAt: bulkChanges.finishedAt,
    })
    .from(bulkChanges)
    .where(and(eq(bulkChanges.id, id), eq(bulkChanges.actorId, actor.id)))
    .limit(1);
  if (!change) throw notFound();
  const rows = await executor
    .select({
      plan: bulkChangeItems.plan,
      outcome: bulkChangeItems.outcome,
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(bulkChangeItems)
    .where(eq(bulkChangeItems.bulkChangeId, id))
    .groupBy(bulkChangeItems.plan, bulkChangeItems.outcome);
  const counts: BulkCounts = {
    total: change.total,
    planned: 0,
    refused: 0,
    changed: 0,
    skipped: 0,
    stale: 0,
    failed: 0,
    done: 0,
  };
  for (const row of rows) {
    if (row.plan === 'change') counts.planned += row.count;
    else counts.refused += row.count;
    if (row.outcome) {
      counts[row.outcome] += row.count;
      counts.done += row.count;
    }
  }
  const { total: _total, ...rest } = change;
  return { ...rest, target: change.target as BulkTarget, counts };
}

/** One page of a change's items: what did not (or will not) change first, then the rest, in order. */
export async function listBulkChangeItems(
  executor: Executor,
  actor: Actor,
  id: string,
  page: { page: number; pageSize: number },
): Promise<Page<BulkItemView>> {
  const change = await findBulkChange(executor, actor, id);
  const changedLast = sql`case when ${bulkChangeItems.outcome} = 'changed' or (${bulkChangeItems.outcome} is null and ${bulkChangeItems.plan} = 'change') then 1 else 0 end`;
  const items = await executor
    .select({
      position: bulkChangeItems.position,
      itemId: bulkChangeItems.itemId,
      label: bulkChangeItems.label,
      plan: bulkChangeItems.plan,
      reason: bulkChangeItems.reason,
      outcome: bulkChangeItems.outcome,
      outcomeReason: bulkChangeItems.outcomeReason,
    })
    .from(bulkChangeItems)
    .where(eq(bulkChangeItems.bulkChangeId, id))
    .orderBy(changedLast, asc(bulkChangeItems.position))
    .limit(page.pageSize)
    .offset(offsetOf(page));
  return { items, page: page.page, pageSize: page.pageSize, total: change.counts.total };
}
