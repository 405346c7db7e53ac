import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tickets, type TicketPriority, type TicketStatus } from '../db/schema-domain';
import { isStaff, type Actor } from '../actor';
import { AppError } from '../errors';
import { isUuid } from '../validation';

// The one place that decides which tickets a user may see. Someone else's ticket is "not found"
// for a requester, exactly like a ticket that does not exist.

export const ticketNotFoundMessage = 'No such ticket.';

export function ticketNotFound(): AppError {
  return new AppError('not_found', ticketNotFoundMessage);
}

/** A condition limiting a query to the tickets `actor` may see (undefined: all of them). */
export function visibleTo(actor: Actor): SQL | undefined {
  return isStaff(actor) ? undefined : eq(tickets.requesterId, actor.id);
}

export type TicketState = {
  id: string;
  number: number;
  title: string;
  description: string;
  category: string;
  priority: TicketPriority;
  status: TicketStatus;
  requesterId: string;
  assigneeId: string | null;
  version: number;
};

export const ticketStateColumns = {
  id: tickets.id,
  number: tickets.number,
  title: tickets.title,
  description: tickets.description,
  category: tickets.category,
  priority: tickets.priority,
  status: tickets.status,
  requesterId: tickets.requesterId,
  assigneeId: tickets.assigneeId,
  version: tickets.version,
};

/** The ticket's current state when `actor` may see it; otherwise AppError('not_found'). */
export async function loadVisibleTicket(executor: Executor, actor: Actor, ticketId: string): Promise<TicketState> {
  if (!isUuid(ticketId)) throw ticketNotFound();
  const [row] = await executor
    .select(ticketStateColumns)
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), visibleTo(actor)))
    .limit(1);
  if (!row) throw ticketNotFound();
  return row;
}
