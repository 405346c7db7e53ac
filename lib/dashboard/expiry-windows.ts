import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';

// Warranties and licenses share one shape: how many end within 30, 60 and 90 days of today, and
// the soonest few. Two queries each, side by side: one row of counts, and the first rows of the
// range in date order. Counting apart from the list lets an index answer the count alone; one
// query with window counts read every row of the range to keep ten.

/** Today's date in UTC as YYYY-MM-DD; every "expires within" window counts from it. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type ExpiryCounts = { within30: number; within60: number; within90: number };

/** Aggregates for one row of counts over the rows `withinNinetyDays` selects. */
export function expiryCountColumns(column: SQLWrapper | AnyColumn, today: string) {
  return {
    within30: sql<number>`count(*) filter (where ${column} <= ${today}::date + 30)`.mapWith(Number),
    within60: sql<number>`count(*) filter (where ${column} <= ${today}::date + 60)`.mapWith(Number),
    within90: sql<number>`count(*)`.mapWith(Number),
  };
}

/** The 0–90 day range, from today inclusive. */
export function withinNinetyDays(column: SQLWrapper | AnyColumn, today: string): SQL {
  return sql`${column} >= ${today}::date and ${column} <= ${today}::date + 90`;
}

/** Whole days from `today` to `date` (both YYYY-MM-DD, UTC); negative once past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
