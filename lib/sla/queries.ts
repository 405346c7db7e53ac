import 'server-only';
import { eq } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { tickets } from '../db/schema-domain';
import type { TicketSla } from './describe';

export type TicketSlaDetail = TicketSla & {
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolutionDueAt: Date | null;
};

/** The SLA facts of one ticket for the staff's ticket page; null for requesters or without a policy. */
export async function ticketSlaDetail(
  executor: Executor,
  actor: Actor,
  ticketId: string,
): Promise<TicketSlaDetail | null> {
  if (!isStaff(actor)) return null;
  const [row] = await executor
    .select({
      dueAt: tickets.slaDueAt,
      met: tickets.slaMet,
      pausedSince: tickets.slaPausedSince,
      firstResponseDueAt: tickets.slaFirstResponseDueAt,
      firstRespondedAt: tickets.slaFirstRespondedAt,
      resolutionDueAt: tickets.slaResolutionDueAt,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .limit(1);
  if (!row || !row.resolutionDueAt) return null;
  const { pausedSince, ...rest } = row;
  return { ...rest, paused: pausedSince !== null };
}
