// Dates that expire (warranties, licenses), for the pages and the data layer alike; the queries
// are in expiring.ts.

/** Today's date in UTC as YYYY-MM-DD; every "expires within" window counts from it. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type ExpiryCounts = { within30: number; within60: number; within90: number };

/** Whole days from `today` to `date` (both YYYY-MM-DD, UTC); negative once past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
