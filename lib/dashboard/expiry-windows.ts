import { sql, type SQL } from 'drizzle-orm';

// Warranties and licenses share one shape: how many end within 30, 60 and 90 days of today, and
// the soonest few. One query each: the list is limited, the counts are window aggregates over
// the whole range (computed before the limit), and the range is an index scan on the date column.

/** Today's date in UTC as YYYY-MM-DD; every "expires within" window counts from it. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type ExpiryCounts = { within30: number; within60: number; within90: number };

export function expiryCountColumns(column: SQL | unknown, today: string) {
  return {
    within30: sql<number>`count(*) filter (where ${column} <= ${today}::date + 30) over ()`.mapWith(Number),
    within60: sql<number>`count(*) filter (where ${column} <= ${today}::date + 60) over ()`.mapWith(Number),
    within90: sql<number>`count(*) over ()`.mapWith(Number),
  };
}

/** The 0–90 day range, from today inclusive. */
export function withinNinetyDays(column: SQL | unknown, today: string): SQL {
  return sql`${column} >= ${today}::date and ${column} <= ${today}::date + 90`;
}

export function splitExpiryRows<Row extends ExpiryCounts>(rows: Row[]): { counts: ExpiryCounts; soonest: Omit<Row, keyof ExpiryCounts>[] } {
  const first = rows[0];
  const counts = first ? { within30: first.within30, within60: first.within60, within90: first.within90 } : { within30: 0, within60: 0, within90: 0 };
  return { counts, soonest: rows.map(({ within30: _a, within60: _b, within90: _c, ...rest }) => rest) };
}

/** Whole days from `today` to `date` (both YYYY-MM-DD, UTC); negative once past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
