import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Transaction } from '../db/client';
import { tickets } from '../db/schema-domain';
import { ticketReference } from './rules';

/** Writes an audit row about one ticket, named by its reference. */
export const auditTicket = auditFor('ticket', (ticket: { number: number }) => ({
  reference: ticketReference(ticket.number),
}));

/**
 * Records activity that changes none of the ticket's own fields (a comment, a linked asset): the
 * ticket counts as updated, but keeps its version, so nobody's open edit of it goes stale.
 */
export async function recordTicketActivity(
  tx: Transaction,
  actor: Actor,
  action: string,
  ticket: { id: string; number: number },
  details: Record<string, unknown>,
): Promise<void> {
  await tx
    .update(tickets)
    .set({ updatedAt: sql`now()` })
    .where(eq(tickets.id, ticket.id));
  await auditTicket(tx, actor, action, ticket, details);
}
