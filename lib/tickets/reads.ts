import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { ticketReads } from '../db/schema-tickets-activity';
import { tickets } from '../db/schema-domain';

// Which tickets have news an agent has not seen. Every change to a ticket moves its updated_at;
// an agent's own change marks the ticket seen at that same instant (now() is the transaction's
// time), and so does opening the ticket's page. So a ticket has news for them exactly when it
// changed after they last saw it: a reply, a note, a status or an assignment by someone else, or
// a ticket they never opened. Requesters get no marks (their list is their own tickets).

/** Marks `ticketId` as seen by `userId` up to `seenAt`; an earlier time never overwrites a later one. */
async function markSeen(executor: Executor, userId: string, ticketId: string, seenAt: Date | SQL): Promise<void> {
  await executor
    .insert(ticketReads)
    .values({ userId, ticketId, seenAt })
    .onConflictDoUpdate({
      target: [ticketReads.userId, ticketReads.ticketId],
      set: { seenAt: sql`greatest(${ticketReads.seenAt}, excluded.seen_at)` },
    });
}

/** The ticket page, opened by staff: what it shows (the ticket as of `updatedAt`) is seen. */
export async function markTicketSeen(
  executor: Executor,
  actor: Actor,
  ticket: { id: string; updatedAt: Date },
): Promise<void> {
  if (!isStaff(actor)) return;
  // A Date holds milliseconds, the database microseconds: the ticket's own time when it is still
  // the change the page showed, else the (earlier) time the page showed.
  const shown = ticket.updatedAt.toISOString();
  const seenAt = sql`(select case when ${tickets.updatedAt} < ${shown}::timestamptz + interval '1 millisecond'
    then ${tickets.updatedAt} else ${shown}::timestamptz end from ${tickets} where ${tickets.id} = ${ticket.id})`;
  await markSeen(executor, actor.id, ticket.id, seenAt);
}

/** Inside a change's transaction: the actor's own change is no news to them. */
export async function markOwnChangeSeen(executor: Executor, actor: Actor, ticketId: string): Promise<void> {
  if (isStaff(actor)) await markSeen(executor, actor.id, ticketId, sql`now()`);
}

/** The join a list adds for `viewerId`: their read row of each ticket, by its primary key. */
export function readsOf(viewerId: string): SQL {
  return sql`${ticketReads.ticketId} = ${tickets.id} and ${ticketReads.userId} = ${viewerId}`;
}

/** True for a listed ticket that changed since the viewer last saw it (with `readsOf` joined). */
export const hasNews = sql<boolean>`(${ticketReads.seenAt} is null or ${ticketReads.seenAt} < ${tickets.updatedAt})`;
