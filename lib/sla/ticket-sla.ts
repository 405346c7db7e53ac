import 'server-only';
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import type { Executor, Transaction } from '../db/client';
import { tickets } from '../db/schema-domain';
import { ticketSlaWarnings } from '../db/schema-sla';
import { businessMinutesBetween, type BusinessCalendar } from './business-time';
import { loadBusinessCalendar, loadPolicies } from './calendar';
import { milestones, slaColumns, type SlaMilestone, type SlaPolicy, type TicketClock } from './schedule';

// Keeps a ticket's stored SLA columns true: called in the transaction of every change that moves
// them (create, status, priority, a staff reply), and for every unsettled ticket when an admin
// changes the calendar or a policy.

/** What the SLA rules read of a ticket (lib/sla/schedule.ts's TicketClock), with its id and priority. */
export const clockColumns = {
  id: tickets.id,
  priority: tickets.priority,
  createdAt: tickets.createdAt,
  status: tickets.status,
  slaPausedMinutes: tickets.slaPausedMinutes,
  slaPausedSince: tickets.slaPausedSince,
  slaFirstRespondedAt: tickets.slaFirstRespondedAt,
  slaFirstResponseDueAt: tickets.slaFirstResponseDueAt,
  slaSettledAt: tickets.slaSettledAt,
  slaMet: tickets.slaMet,
};

async function sentWarnings(executor: Executor, ticketIds: string[]): Promise<Map<string, Set<string>>> {
  const sent = new Map<string, Set<string>>();
  if (ticketIds.length === 0) return sent;
  const rows = await executor
    .select({ ticketId: ticketSlaWarnings.ticketId, target: ticketSlaWarnings.target, stage: ticketSlaWarnings.stage })
    .from(ticketSlaWarnings)
    .where(inArray(ticketSlaWarnings.ticketId, ticketIds));
  for (const row of rows) {
    const keys = sent.get(row.ticketId) ?? new Set<string>();
    keys.add(`${row.target}:${row.stage}`);
    sent.set(row.ticketId, keys);
  }
  return sent;
}

const milestoneKey = (milestone: SlaMilestone) => `${milestone.target}:${milestone.stage}`;

// The ticket's milestones under its rules now; a paused ticket's wait so far pushes them back.
function currentMilestones(ticket: TicketClock, policy: SlaPolicy, calendar: BusinessCalendar, now: Date) {
  const pausedMinutes =
    ticket.slaPausedMinutes +
    (ticket.slaPausedSince ? businessMinutesBetween(ticket.slaPausedSince, now, calendar) : 0);
  return milestones({ ...ticket, slaPausedMinutes: pausedMinutes }, policy, calendar);
}

/**
 * Forgets the warnings sent for milestones that a change moved back into the future (a lower
 * priority, a looser policy): the target is a new one, and reaching it is news again.
 */
async function forgetMovedMilestones(
  executor: Executor,
  ticket: TicketClock & { id: string },
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: Date,
  sent: Set<string>,
): Promise<void> {
  const moved = currentMilestones(ticket, policy, calendar, now).filter(
    (milestone) => milestone.at > now && sent.has(milestoneKey(milestone)),
  );
  if (moved.length === 0) return;
  await executor
    .delete(ticketSlaWarnings)
    .where(
      and(
        eq(ticketSlaWarnings.ticketId, ticket.id),
        or(
          ...moved.map((milestone) =>
            and(eq(ticketSlaWarnings.target, milestone.target), eq(ticketSlaWarnings.stage, milestone.stage)),
          ),
        ),
      ),
    );
  for (const milestone of moved) sent.delete(milestoneKey(milestone));
}

async function store(
  executor: Executor,
  ticket: TicketClock & { id: string },
  policy: SlaPolicy | null,
  calendar: BusinessCalendar,
  options: { now: Date; firstResponse?: boolean; sent?: ReadonlySet<string> },
): Promise<void> {
  await executor
    .update(tickets)
    .set(slaColumns(ticket, policy, calendar, options))
    .where(eq(tickets.id, ticket.id));
}

/** Recomputes one ticket's SLA columns after a change; `firstResponse`: the change is staff's first public reply. */
export async function syncTicketSla(
  tx: Transaction,
  ticketId: string,
  options: { firstResponse?: boolean } = {},
): Promise<void> {
  const [ticket] = await tx.select(clockColumns).from(tickets).where(eq(tickets.id, ticketId)).limit(1);
  if (!ticket) return;
  if (options.firstResponse && ticket.slaFirstRespondedAt) options = {};
  const [calendar, policies, sent] = await Promise.all([
    loadBusinessCalendar(tx),
    loadPolicies(tx),
    sentWarnings(tx, [ticket.id]),
  ]);
  const now = new Date();
  const policy = policies.get(ticket.priority) ?? null;
  const ticketSent = sent.get(ticket.id) ?? new Set<string>();
  if (policy) await forgetMovedMilestones(tx, ticket, policy, calendar, now, ticketSent);
  await store(tx, ticket, policy, calendar, { now, firstResponse: options.firstResponse, sent: ticketSent });
}

/** Below this many unsettled tickets a calendar or policy change recomputes them at once; above, a job does. */
export const inlineRecomputeLimit = 500;

/**
 * Records as sent, without a mail, the milestones a ticket had already passed when the rules changed:
 * escalation mails are for what is reached while a policy is in force, so the first policy (or a
 * tighter one) does not mail every old ticket at once; the lists still show them as breached. A
 * ticket whose warning was already due under its old rules keeps it for the 'sla-check' job.
 */
async function recordPassedMilestones(
  executor: Executor,
  ticket: TicketClock & { id: string; slaWarnAt: Date | null },
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: Date,
  sent: Set<string>,
): Promise<void> {
  if (ticket.slaWarnAt && ticket.slaWarnAt <= now) return;
  // A paused ticket's clock stood still since then: counted, so only milestones reached while it ran are past.
  const passed = currentMilestones(ticket, policy, calendar, now).filter(
    (milestone) => milestone.at <= now && !sent.has(milestoneKey(milestone)),
  );
  if (passed.length === 0) return;
  await executor
    .insert(ticketSlaWarnings)
    .values(passed.map((milestone) => ({ ticketId: ticket.id, target: milestone.target, stage: milestone.stage })))
    .onConflictDoNothing();
  for (const milestone of passed) sent.add(milestoneKey(milestone));
}

/**
 * Recomputes up to `limit` unsettled tickets (new, open, pending) after `afterId`, in id order, for
 * a calendar or policy change. Returns the last id done, or null when none were left.
 */
export async function recomputeTicketBatch(
  executor: Executor,
  options: { afterId?: string; limit: number },
): Promise<string | null> {
  const batch = await executor
    .select({ ...clockColumns, slaWarnAt: tickets.slaWarnAt })
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, ['new', 'open', 'pending']),
        options.afterId ? gt(tickets.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(tickets.id))
    .limit(options.limit)
    // Locked while they are recomputed: a ticket resolved meanwhile waits, then is stored from its new state.
    .for('update');
  if (batch.length === 0) return null;
  const [calendar, policies, sent] = await Promise.all([
    loadBusinessCalendar(executor),
    loadPolicies(executor),
    sentWarnings(
      executor,
      batch.map((ticket) => ticket.id),
    ),
  ]);
  const now = new Date();
  for (const ticket of batch) {
    const policy = policies.get(ticket.priority) ?? null;
    const ticketSent = sent.get(ticket.id) ?? new Set<string>();
    if (policy) {
      await forgetMovedMilestones(executor, ticket, policy, calendar, now, ticketSent);
      await recordPassedMilestones(executor, ticket, policy, calendar, now, ticketSent);
    }
    await store(executor, ticket, policy, calendar, { now, sent: ticketSent });
  }
  return batch.at(-1)!.id;
}
