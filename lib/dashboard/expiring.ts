import 'server-only';
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import type { ExpiryCounts } from './expiry-windows';

// Warranties and licenses share one shape: how many end within 30, 60 and 90 days of today, and
// the soonest few. Two queries side by side: one row of counts, and the first rows of the range in
// date order. Counting apart from the list lets an index answer the count alone; one query with
// window counts read every row of the range to keep ten.

/**
 * The rows of `range.table` whose `range.ends` date falls 0–90 days from today (and that match
 * `range.also`): counted per window, and the soonest few as `soonest` reads them from that range.
 */
export async function expiringSoon<Row>(
  executor: Executor,
  range: { table: PgTable; ends: AnyColumn; today: string; also?: SQL },
  soonest: (inRange: SQL | undefined) => PromiseLike<Row[]>,
): Promise<{ counts: ExpiryCounts; soonest: Row[] }> {
  const { ends, today } = range;
  const inRange = and(sql`${ends} >= ${today}::date and ${ends} <= ${today}::date + 90`, range.also);
  const [[counts], rows] = await Promise.all([
    executor
      .select({
        within30: sql<number>`count(*) filter (where ${ends} <= ${today}::date + 30)`.mapWith(Number),
        within60: sql<number>`count(*) filter (where ${ends} <= ${today}::date + 60)`.mapWith(Number),
        within90: sql<number>`count(*)`.mapWith(Number),
      })
      .from(range.table)
      .where(inRange),
    soonest(inRange),
  ]);
  return { counts, soonest: rows };
}
