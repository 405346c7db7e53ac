import 'server-only';
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import type { ExpiryCounts } from './expiry-windows';

// Warranties and licenses share one shape: how many end within 30, 60 and 90 days of today, and
// the soonest few, in one statement. The counts are a subquery the planner runs once (an index
// alone answers it) and every row carries; one query with window counts read every row of the range
// to keep ten. The counts and the rows read the same range in the same snapshot, so no row means
// none in it.

const noneExpiring: ExpiryCounts = { within30: 0, within60: 0, within90: 0 };

/**
 * The rows of `range.table` whose `range.ends` date falls 0–90 days from today (and that match
 * `range.also`): counted per window, and the soonest few as `soonest` reads them from that range,
 * each row with the `counts` column it is given added.
 */
export async function expiringSoon<Row>(
  executor: Executor,
  range: { table: PgTable; ends: AnyColumn; today: string; also?: SQL },
  soonest: (inRange: SQL | undefined, counts: SQL<number[]>) => PromiseLike<(Row & { counts: number[] })[]>,
): Promise<{ counts: ExpiryCounts; soonest: Row[] }> {
  const { ends, today } = range;
  const inRange = and(sql`${ends} >= ${today}::date and ${ends} <= ${today}::date + 90`, range.also);
  const counts = sql<number[]>`(select array[
      count(*) filter (where ${ends} <= ${today}::date + 30),
      count(*) filter (where ${ends} <= ${today}::date + 60),
      count(*)]::int[]
    from ${range.table} where ${inRange})`;
  const rows = await soonest(inRange, counts);
  const [within30, within60, within90] = rows[0]?.counts ?? [];
  return {
    counts: rows.length === 0 ? noneExpiring : { within30, within60, within90 },
    soonest: rows.map(({ counts: _counts, ...row }) => row as Row),
  };
}
