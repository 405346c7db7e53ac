import 'server-only';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { tickets, ticketStatusCounts, type TicketPriority, type TicketStatus } from '../db/schema-domain';
import { listTotal, onPage, readPage, totalKey } from '../db/page';
import { keptTotal } from '../db/status-counts';
import { matchesSearch } from '../db/text-search';
import { narrowedOnlyBy, type Page, type TotalOptions } from '../list-params';
import { slaCondition, slaListColumns, slaOrder, type TicketSla } from '../sla/list-columns';
import { ticketReads } from '../db/schema-tickets-activity';
import { visibleTo } from './access';
import { hasNews, readsOf } from './reads';
import { assigneeUser, requesterColumns, requesterUser, type Person } from './queries';
import { parseTicketReference, ticketReference } from './rules';
import type { TicketFilters, TicketListQuery } from './schemas';

export type TicketListItem = {
  id: string;
  number: number;
  reference: string;
  title: string;
  category: string;
  priority: TicketPriority;
  status: TicketStatus;
  requester: Person;
  assignee: Person | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Changed since the viewing agent last saw it (reads.ts); always false for requesters and exports. */
  unseen: boolean;
  /** For staff only; null in a requester's list. */
  sla: TicketSla | null;
};

export const maxExportRows = 100_000;

/** The WHERE clause of a list: what `actor` may see, narrowed by the view and the filters. */
export function ticketListConditions(actor: Actor, filters: TicketFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [visibleTo(actor)];
  if (filters.view === 'mine') {
    // A requester's own tickets are the ones they opened; an agent's are the ones assigned to them.
    conditions.push(actor.role === 'requester' ? eq(tickets.requesterId, actor.id) : eq(tickets.assigneeId, actor.id));
  }
  if (filters.view === 'unassigned') conditions.push(isNull(tickets.assigneeId));
  if (filters.status?.length) conditions.push(inArray(tickets.status, filters.status));
  if (filters.priority?.length) conditions.push(inArray(tickets.priority, filters.priority));
  if (filters.assignee === 'none') conditions.push(isNull(tickets.assigneeId));
  else if (filters.assignee) conditions.push(eq(tickets.assigneeId, filters.assignee));
  if (filters.requester) conditions.push(eq(tickets.requesterId, filters.requester));
  if (filters.category) conditions.push(sql`lower(${tickets.category}) = ${filters.category.toLowerCase()}`);
  if (filters.q) {
    const number = parseTicketReference(filters.q);
    const text = matchesSearch(tickets.searchVector, filters.q);
    const byNumber = number === null ? undefined : eq(tickets.number, number);
    conditions.push(byNumber && text ? or(byNumber, text) : (byNumber ?? text ?? sql`false`));
  }
  // SLA targets are the team's business: a requester's list neither shows nor filters by them.
  if (filters.sla && isStaff(actor)) conditions.push(slaCondition(filters.sla));
  return and(...conditions);
}

const priorityRank = sql`case ${tickets.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;
const statusRank = sql`case ${tickets.status} when 'new' then 0 when 'open' then 1 when 'pending' then 2 when 'resolved' then 3 else 4 end`;

function ticketOrder(sort: TicketFilters['sort'], dir: TicketFilters['dir']): SQL[] {
  const direction = dir === 'asc' ? asc : desc;
  // "desc" on priority and status means the most pressing first: urgent, then new.
  const rank = (expression: SQL) => (dir === 'asc' ? sql`${expression} desc` : sql`${expression} asc`);
  switch (sort) {
    case 'created':
      return [direction(tickets.createdAt), direction(tickets.id)];
    case 'number':
      return [direction(tickets.number)];
    case 'priority':
      return [rank(priorityRank), desc(tickets.updatedAt), desc(tickets.id)];
    case 'status':
      return [rank(statusRank), desc(tickets.updatedAt), desc(tickets.id)];
    case 'due':
      return slaOrder(dir);
    default:
      return [direction(tickets.updatedAt), direction(tickets.id)];
  }
}

const listColumns = {
  id: tickets.id,
  number: tickets.number,
  title: tickets.title,
  category: tickets.category,
  priority: tickets.priority,
  status: tickets.status,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  resolvedAt: tickets.resolvedAt,
  closedAt: tickets.closedAt,
  requester: requesterColumns,
  assigneeId: tickets.assigneeId,
  assigneeUsername: assigneeUser.username,
  assigneeDisplayName: assigneeUser.displayName,
  ...slaListColumns,
};

/** `viewerId`: the agent whose unseen news to mark, by one more join on ticket_reads' key. */
async function selectTickets(
  executor: Executor,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  options: { viewerId?: string; withSla: boolean },
): Promise<TicketListItem[]> {
  const { viewerId } = options;
  const rows = await executor
    .select({ ...listColumns, unseen: viewerId ? hasNews : sql<boolean>`false` })
    .from(tickets)
    .innerJoin(requesterUser, eq(requesterUser.id, tickets.requesterId))
    .leftJoin(assigneeUser, eq(assigneeUser.id, tickets.assigneeId))
    .leftJoin(ticketReads, viewerId ? readsOf(viewerId) : sql`false`)
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return rows.map(
    ({
      assigneeId,
      assigneeUsername,
      assigneeDisplayName,
      unseen,
      slaDueAt,
      slaMet,
      slaPausedSince,
      slaResolutionDueAt,
      ...row
    }) => ({
      ...row,
      sla: options.withSla
        ? { dueAt: slaDueAt, met: slaMet, paused: slaPausedSince !== null && slaResolutionDueAt !== null }
        : null,
      unseen: Boolean(unseen),
      reference: ticketReference(row.number),
      assignee:
        assigneeId && assigneeUsername !== null
          ? { id: assigneeId, username: assigneeUsername, displayName: assigneeDisplayName ?? assigneeUsername }
          : null,
    }),
  );
}

/**
 * One page of the tickets `actor` may see, and how many there are in all with the same filters,
 * counted as `options` say (lib/list-params.ts).
 */
export function listTickets(
  executor: Executor,
  actor: Actor,
  query: TicketListQuery,
  options: TotalOptions = {},
): Promise<Page<TicketListItem>> {
  const where = ticketListConditions(actor, query);
  const order = ticketOrder(query.sort, query.dir);
  // Staff looking at every ticket, or at some statuses, get the kept counts (a few rows) instead of
  // a count of up to every ticket: 3–4 ms at 100,000 tickets, on every page.
  const fromKeptCounts = isStaff(actor) && query.view === 'all' && narrowedOnlyBy(query, 'status', ['view']);
  return readPage(
    query,
    selectTickets(
      executor,
      onPage({ table: tickets, where, order }, query),
      order,
      query.pageSize,
      isStaff(actor) ? { viewerId: actor.id, withSla: true } : { withSla: false },
    ),
    fromKeptCounts
      ? keptTotal(executor, ticketStatusCounts, query.status)
      : listTotal(
          executor,
          { table: tickets, where, searched: Boolean(query.q), keptFor: totalKey('tickets', actor, query) },
          options,
        ),
  );
}

/** Every ticket matching the filters (up to maxExportRows), for the CSV export. */
export async function exportTickets(
  executor: Executor,
  actor: Actor,
  filters: TicketFilters,
): Promise<TicketListItem[]> {
  return selectTickets(
    executor,
    ticketListConditions(actor, filters),
    ticketOrder(filters.sort, filters.dir),
    maxExportRows,
    { withSla: isStaff(actor) },
  );
}
