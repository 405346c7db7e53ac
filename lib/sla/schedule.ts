import type { TicketStatus } from '../db/enums';
import type { SlaStage, SlaTarget } from '../db/schema-sla';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './business-time';

// What a ticket's SLA columns should hold, from its state: pure, so the rules are tested without a
// database. The clock runs while a ticket is new or open; waiting on the requester (pending),
// resolved and closed stop it, and the business minutes it stood still push both targets back.

export type SlaPolicy = { firstResponseMinutes: number; resolutionMinutes: number };

export type TicketClock = {
  createdAt: Date;
  status: TicketStatus;
  slaPausedMinutes: number;
  slaPausedSince: Date | null;
  slaFirstRespondedAt: Date | null;
  /** As stored: once the first response is given, its target stays where it was then. */
  slaFirstResponseDueAt?: Date | null;
  slaSettledAt: Date | null;
  slaMet: boolean | null;
};

export type SlaColumns = {
  slaFirstResponseDueAt: Date | null;
  slaResolutionDueAt: Date | null;
  slaDueAt: Date | null;
  slaWarnAt: Date | null;
  slaPausedMinutes: number;
  slaPausedSince: Date | null;
  slaFirstRespondedAt: Date | null;
  slaMet: boolean | null;
  slaSettledAt: Date | null;
};

/** The share of a target after which the responsible agents are warned. */
export const warningShare = 0.8;

export function clockRuns(status: TicketStatus): boolean {
  return status === 'new' || status === 'open';
}

export type SlaMilestone = { target: SlaTarget; stage: SlaStage; at: Date };

/** The warnings and breaches of the targets still open, earliest first. */
export function milestones(
  ticket: Pick<TicketClock, 'createdAt' | 'slaFirstRespondedAt'> & { slaPausedMinutes: number },
  policy: SlaPolicy,
  calendar: BusinessCalendar,
): SlaMilestone[] {
  const after = (minutes: number) => addBusinessMinutes(ticket.createdAt, minutes + ticket.slaPausedMinutes, calendar);
  const targets: [SlaTarget, number][] = [['resolution', policy.resolutionMinutes]];
  if (!ticket.slaFirstRespondedAt) targets.unshift(['first_response', policy.firstResponseMinutes]);
  return targets
    .flatMap(([target, minutes]): SlaMilestone[] => [
      { target, stage: 'warning', at: after(Math.round(minutes * warningShare)) },
      { target, stage: 'breach', at: after(minutes) },
    ])
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The SLA columns after a change at `now`. `firstResponse`: this change is the first public reply
 * by staff. `sent`: the warnings already sent ("resolution:breach"), which the next warning skips.
 */
export function slaColumns(
  ticket: TicketClock,
  policy: SlaPolicy | null,
  calendar: BusinessCalendar,
  options: { now: Date; firstResponse?: boolean; sent?: ReadonlySet<string> },
): SlaColumns {
  const { now } = options;
  const running = clockRuns(ticket.status);
  let pausedMinutes = ticket.slaPausedMinutes;
  let pausedSince = ticket.slaPausedSince;
  if (running && pausedSince) {
    pausedMinutes += businessMinutesBetween(pausedSince, now, calendar);
    pausedSince = null;
  }
  if (!running && !pausedSince) pausedSince = now;
  const firstRespondedAt = ticket.slaFirstRespondedAt ?? (options.firstResponse ? now : null);
  const kept = { slaPausedMinutes: pausedMinutes, slaPausedSince: pausedSince, slaFirstRespondedAt: firstRespondedAt };
  if (!policy) {
    return {
      ...kept,
      slaFirstResponseDueAt: null,
      slaResolutionDueAt: null,
      slaDueAt: null,
      slaWarnAt: null,
      slaMet: null,
      slaSettledAt: null,
    };
  }
  // A ticket answered or resolved while it waits on the requester is judged by the working time it
  // ran: the wait so far (to its settlement, once settled) pushes the targets back too.
  const waitedSoFar = pausedSince ? businessMinutesBetween(pausedSince, ticket.slaSettledAt ?? now, calendar) : 0;
  const due = (minutes: number) =>
    addBusinessMinutes(ticket.createdAt, minutes + pausedMinutes + waitedSoFar, calendar);
  // Pauses after the first response do not move its target: a late answer stays late.
  const answeredBefore = ticket.slaFirstRespondedAt !== null && ticket.slaFirstResponseDueAt;
  const firstResponseDueAt = answeredBefore ? ticket.slaFirstResponseDueAt! : due(policy.firstResponseMinutes);
  const resolutionDueAt = due(policy.resolutionMinutes);
  const settled = ticket.status === 'resolved' || ticket.status === 'closed';
  const settledAt = settled ? (ticket.slaSettledAt ?? now) : null;
  const met = settledAt
    ? ((ticket.slaSettledAt ? ticket.slaMet : null) ??
      (settledAt <= resolutionDueAt && (firstRespondedAt ?? settledAt) <= firstResponseDueAt))
    : null;
  const sent = options.sent ?? new Set<string>();
  const next = running
    ? milestones(
        { createdAt: ticket.createdAt, slaFirstRespondedAt: firstRespondedAt, slaPausedMinutes: pausedMinutes },
        policy,
        calendar,
      ).find((milestone) => !sent.has(`${milestone.target}:${milestone.stage}`))
    : undefined;
  return {
    ...kept,
    slaFirstResponseDueAt: firstResponseDueAt,
    slaResolutionDueAt: resolutionDueAt,
    slaDueAt: running ? (firstRespondedAt ? resolutionDueAt : firstResponseDueAt) : null,
    slaWarnAt: next?.at ?? null,
    slaMet: met,
    slaSettledAt: settledAt,
  };
}
