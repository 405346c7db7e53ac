import 'server-only';
import { count, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import { queryRows } from './rows';

// Counting every match of a text search reads each matching row (an index cannot tell which rows
// this snapshot sees), thousands of them for a common word, while a person reading "1–25 of about
// 11,800" needs no more. So a list counts its matches only up to a limit, exactly; past it, the
// planner's estimate stands in, and the page says "about".

export type Total = { total: number; approximate: boolean };

type PlanNode = { 'Plan Rows'?: number };

/** The planner's estimate of how many rows `table` has matching `where`, without reading them. */
async function estimatedRows(executor: Executor, table: PgTable, where: SQL | undefined): Promise<number> {
  const matching = executor
    .select({ one: sql`1` })
    .from(table)
    .where(where);
  const [row] = await queryRows<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
    executor,
    sql`explain (format json) ${matching}`,
  );
  const plan = row?.['QUERY PLAN'];
  const parsed = typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: PlanNode }]) : plan;
  return Math.round(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/**
 * How many rows of `table` match `where`: exact up to `exactUpTo`, which is all that is read;
 * beyond it the planner's estimate, never less than `exactUpTo + 1`, marked approximate.
 */
export async function countOrEstimate(
  executor: Executor,
  table: PgTable,
  where: SQL | undefined,
  exactUpTo: number,
): Promise<Total> {
  const firstRows = executor
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(exactUpTo + 1)
    .as('first_rows');
  const [row] = await executor.select({ total: count() }).from(firstRows);
  const counted = row?.total ?? 0;
  if (counted <= exactUpTo) return { total: counted, approximate: false };
  return { total: Math.max(await estimatedRows(executor, table, where), exactUpTo + 1), approximate: true };
}
