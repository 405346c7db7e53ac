import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import { queryRows } from './rows';

// Counting every match of a text search reads each matching row (an index cannot tell which rows
// this snapshot sees), thousands of them for a common word, while a person reading "1–25 of about
// 11,800" needs no more. So a search first asks the planner how many rows it expects (EXPLAIN:
// planned, not run): past a limit, that estimate is the answer and the page says "about"; within
// it, the matches are counted exactly. Counting only up to the limit does not pay: under a LIMIT
// the planner scans the table and tests every row against the search instead of using its index.

/** `kept`: counted for the same list a few seconds ago (lib/db/page.ts), so it may be off by recent changes. */
export type Total = { total: number; approximate: boolean; kept?: boolean };

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
 * How many rows of `table` match `where`: the planner's estimate, marked approximate, when it
 * expects more than `exactUpTo`; else an exact count.
 */
export async function countOrEstimate(
  executor: Executor,
  table: PgTable,
  where: SQL | undefined,
  exactUpTo: number,
): Promise<Total> {
  const estimate = await estimatedRows(executor, table, where);
  if (estimate > exactUpTo) return { total: estimate, approximate: true };
  return { total: await executor.$count(table, where), approximate: false };
}
