import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { openWorkStatuses } from '../db/enums';
import { ticketPriorities, tickets, type TicketPriority, type TicketStatus } from '../db/schema-domain';
import { ticketReads } from '../db/schema-tickets-activity';
import { hasNews, readsOf } from '../tickets/reads';

// Ticket numbers for the dashboard. Each function is one query, shaped to use the indexes in
// schema-domain.ts so it stays quick at 100,000 tickets.

type OpenTicketStatus = (typeof openWorkStatuses)[number];

export type OpenTicketBreakdown = {
  total: number;
  unassigned: number;
  byStatus: Record<OpenTicketStatus, number>;
  byPriority: Record<TicketPriority, number>;
};

/** Open tickets by status and by priority, and how many nobody has taken: one pass over the open set. */
export async function openTicketBreakdown(executor: Executor): Promise<OpenTicketBreakdown> {
  const rows = await executor
    .select({
      status: tickets.status,
      priority: tickets.priority,
      count: sql<number>`count(*)`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${isNull(tickets.assigneeId)})`.mapWith(Number),
    })
    .from(tickets)
    .where(inArray(tickets.status, [...openWorkStatuses]))
    .groupBy(tickets.status, tickets.priority);
  const breakdown: OpenTicketBreakdown = {
    total: 0,
    unassigned: 0,
    byStatus: { new: 0, open: 0, pending: 0 },
    byPriority: { low: 0, normal: 0, high: 0, urgent: 0 },
  };
  for (const row of rows) {
    breakdown.total += row.count;
    breakdown.unassigned += row.unassigned;
    breakdown.byStatus[row.status as OpenTicketStatus] += row.count;
    breakdown.byPriority[row.priority] += row.count;
  }
  return breakdown;
}

export type DashboardTicket = {
  id: string;
  number: number;
  title: string;
  status: TicketStatus;
  priority: TicketPriority;
  updatedAt: Date;
  /** Changed since the viewing agent last saw it (lib/tickets/reads.ts); always false for a requester's own. */
  unseen: boolean;
};

const ticketColumns = {
  id: tickets.id,
  number: tickets.number,
  title: tickets.title,
  status: tickets.status,
  priority: tickets.priority,
  updatedAt: tickets.updatedAt,
};

// ticketPriorities runs from lowest to highest, so a higher rank is more urgent.
const priorityRank = sql`case ${tickets.priority} ${sql.raw(
  ticketPriorities.map((priority, index) => `when '${priority}' then ${index + 1}`).join(' '),
)} else 0 end`;

/**
 * The signed-in agent's open tickets, most urgent first, then the most recently updated, each
 * marked when it has news for them: their read rows joined here, as the ticket list does.
 */
export async function agentQueue(executor: Executor, agentId: string, limit = 10): Promise<DashboardTicket[]> {
  const rows = await executor
    .select({ ...ticketColumns, unseen: hasNews })
    .from(tickets)
    .leftJoin(ticketReads, readsOf(agentId))
    .where(and(eq(tickets.assigneeId, agentId), inArray(tickets.status, [...openWorkStatuses])))
    .orderBy(desc(priorityRank), desc(tickets.updatedAt), asc(tickets.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, unseen: Boolean(row.unseen) }));
}

/**
 * A requester's own open tickets, newest first, with how many there are in all. Ordered by
 * creation so that tickets_requester_created_idx serves it: ordering by updated_at lets the
 * planner walk every ticket's update time backwards, looking for this requester's.
 */
export async function requesterOpenTickets(
  executor: Executor,
  requesterId: string,
  limit = 20,
): Promise<{ total: number; items: DashboardTicket[] }> {
  const rows = await executor
    .select({ ...ticketColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(tickets)
    .where(and(eq(tickets.requesterId, requesterId), inArray(tickets.status, [...openWorkStatuses])))
    .orderBy(desc(tickets.createdAt), asc(tickets.id))
    .limit(limit);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...ticket }) => ({ ...ticket, unseen: false })),
  };
}

export type TicketDay = { day: string; opened: number; resolved: number };

/**
 * Tickets opened and resolved on each of the `days` UTC days ending with `today`, zero days
 * included: a generated series of days, left-joined to two index range scans.
 */
export async function ticketsPerDay(executor: Executor, today: string, days = 30): Promise<TicketDay[]> {
  const span = days - 1;
  // How many tickets have `at` on each UTC day within the bounds.
  const perDay = (at: typeof tickets.createdAt | typeof tickets.resolvedAt) => sql`
        select (${at} at time zone 'UTC')::date as day, count(*) as n
        from ${tickets}, bounds
        where ${at} >= (bounds.first_day::timestamp at time zone 'UTC')
          and ${at} < (bounds.after_last_day::timestamp at time zone 'UTC')
        group by 1`;
  const rows = await queryRows<{ day: string; opened: number; resolved: number }>(
    executor,
    sql`
      with bounds as (
        select (${today}::date - ${span}::int) as first_day, (${today}::date + 1) as after_last_day
      ),
      days as (
        select generate_series(first_day::timestamp, (after_last_day - 1)::timestamp, interval '1 day')::date as day from bounds
      ),
      opened as (${perDay(tickets.createdAt)}),
      resolved as (${perDay(tickets.resolvedAt)})
      select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(opened.n, 0)::int as opened, coalesce(resolved.n, 0)::int as resolved
      from days
      left join opened on opened.day = days.day
      left join resolved on resolved.day = days.day
      order by days.day`,
  );
  return rows.map((row) => ({ day: row.day, opened: Number(row.opened), resolved: Number(row.resolved) }));
}
