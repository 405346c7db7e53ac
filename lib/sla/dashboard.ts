import 'server-only';
import { asc, count, isNotNull, lte, sql, and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { keptResults, sharedFiguresKeptForMs } from '../kept-results';
import { users } from '../db/schema';
import { tickets } from '../db/schema-domain';
import { ticketReference } from '../tickets/rules';

// The dashboard's SLA figures, from the stored columns and their indexes only: tickets settled in
// the last 12 weeks (tickets_sla_settled_idx, index-only) and the tickets breached now
// (tickets_sla_due_idx, a range up to now), so they stay cheap at 100,000 tickets. Weeks are
// grouped by their start as a timestamp and formatted once per group, not once per ticket.

export const slaWeeks = 12;

export type SlaWeek = { weekStart: string; settled: number; met: number };
export type BreachedTicket = {
  id: string;
  reference: string;
  title: string;
  dueAt: Date;
  assigneeName: string | null;
};
export type SlaDashboard = { now: Date; weeks: SlaWeek[]; breachedTotal: number; breached: BreachedTicket[] };

/** The Monday (UTC) starting the week of `day`, as YYYY-MM-DD. */
export function weekStartOf(day: Date): string {
  const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

const keptSlaFigures = keptResults<SlaDashboard>('sla-dashboard', { keptForMs: sharedFiguresKeptForMs, max: 1 });

/** The figures as loadSlaDashboard worked them out a few seconds ago at most (lib/kept-results.ts): the page's. */
export async function recentSlaDashboard(executor: Executor): Promise<SlaDashboard> {
  return keptSlaFigures.get('now', () => loadSlaDashboard(executor));
}

export async function loadSlaDashboard(executor: Executor, now = new Date(), shown = 10): Promise<SlaDashboard> {
  const firstWeek = new Date(`${weekStartOf(now)}T00:00:00Z`);
  firstWeek.setUTCDate(firstWeek.getUTCDate() - 7 * (slaWeeks - 1));
  const weekStart = sql`date_trunc('week', ${tickets.slaSettledAt} at time zone 'UTC')`;
  const breachedNow = and(isNotNull(tickets.slaDueAt), lte(tickets.slaDueAt, sql`now()`));
  const [perWeek, breached] = await Promise.all([
    executor
      .select({
        week: sql<string>`to_char(${weekStart}, 'YYYY-MM-DD')`,
        settled: count(),
        met: sql<number>`count(*) filter (where ${tickets.slaMet})`.mapWith(Number),
      })
      .from(tickets)
      .where(sql`${tickets.slaSettledAt} >= ${firstWeek.toISOString()}`)
      .groupBy(weekStart),
    // The count rides along with the first rows, in the same snapshot: no row means none breached.
    executor
      .select({
        id: tickets.id,
        number: tickets.number,
        title: tickets.title,
        dueAt: tickets.slaDueAt,
        assigneeName: users.displayName,
        total: sql<number>`(select count(*) from ${tickets} where ${breachedNow})`.mapWith(Number),
      })
      .from(tickets)
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .where(breachedNow)
      .orderBy(asc(tickets.slaDueAt), asc(tickets.id))
      .limit(shown),
  ]);
  const byWeek = new Map(perWeek.map((row) => [row.week, row]));
  const weeks = Array.from({ length: slaWeeks }, (_, index) => {
    const start = new Date(firstWeek);
    start.setUTCDate(start.getUTCDate() + 7 * index);
    const weekStart = start.toISOString().slice(0, 10);
    const row = byWeek.get(weekStart);
    return { weekStart, settled: row?.settled ?? 0, met: row?.met ?? 0 };
  });
  return {
    now,
    weeks,
    breachedTotal: breached[0]?.total ?? 0,
    breached: breached.map(({ number, dueAt, total: _total, ...ticket }) => ({
      ...ticket,
      reference: ticketReference(number),
      dueAt: dueAt!,
    })),
  };
}
