import type { UserRole } from '../../db/schema';
import { kindInfo, type NotificationKind } from './kinds';

// Who hears about a change to a ticket: the one place these rules live. Pure, so they are tested
// without a database; notify.ts loads the candidates and composes what this decides.

export type TicketFacts = { id: string; requesterId: string; assigneeId: string | null };

export type TicketChangeEvent =
  | { type: 'created'; ticket: TicketFacts }
  | {
      type: 'updated';
      ticket: TicketFacts;
      status?: { from: string; to: string };
      assignee?: { from: string | null; to: string | null };
    }
  | { type: 'commented'; ticket: TicketFacts; comment: { id: string; internal: boolean } };

export type Candidate = {
  id: string;
  role: UserRole;
  active: boolean;
  email: string | null;
  notifyUnassigned: boolean;
  optOuts: readonly string[];
};

export type PlannedNotification = { recipient: Candidate; kind: NotificationKind };

/** Whether `user` may see the ticket: staff see every ticket, a requester only their own. */
function canSee(user: Candidate, ticket: TicketFacts): boolean {
  return user.role === 'agent' || user.role === 'admin' || user.id === ticket.requesterId;
}

function wanted(event: TicketChangeEvent, candidates: Map<string, Candidate>): [string, NotificationKind][] {
  const { ticket } = event;
  const pairs: [string, NotificationKind][] = [];
  switch (event.type) {
    case 'created': {
      const staff = [...candidates.values()].filter(
        (user) => (user.role === 'agent' || user.role === 'admin') && user.notifyUnassigned,
      );
      pairs.push([ticket.requesterId, 'ticket_received']);
      if (!ticket.assigneeId) for (const user of staff) pairs.push([user.id, 'new_unassigned']);
      return pairs;
    }
    case 'updated':
      if (event.assignee?.to) pairs.push([event.assignee.to, 'ticket_assigned']);
      if (event.status?.to === 'resolved') pairs.push([ticket.requesterId, 'ticket_resolved']);
      if (event.status?.to === 'closed') pairs.push([ticket.requesterId, 'ticket_closed']);
      return pairs;
    case 'commented':
      return [];
  }
}

/**
 * The mails one change sends. Never an internal note; never to someone who cannot see the ticket,
 * is inactive, has no address or turned the kind off; never to the person who made the change —
 * except the receipt for a ticket someone opened themselves (also by mail), which is its point.
 */
export function planNotifications(
  event: TicketChangeEvent,
  actorId: string | null,
  candidates: readonly Candidate[],
): PlannedNotification[] {
  const byId = new Map(candidates.map((user) => [user.id, user]));
  const pairs = wanted(event, byId);
  if (event.type === 'commented' && !event.comment.internal) {
    if (actorId === event.ticket.requesterId) {
      if (event.ticket.assigneeId) pairs.push([event.ticket.assigneeId, 'requester_reply']);
    } else pairs.push([event.ticket.requesterId, 'public_reply']);
  }

  const planned: PlannedNotification[] = [];
  const seen = new Set<string>();
  for (const [userId, kind] of pairs) {
    const recipient = byId.get(userId);
    if (!recipient || !recipient.active || !recipient.email) continue;
    if (!canSee(recipient, event.ticket)) continue;
    if (userId === actorId && kind !== 'ticket_received') continue;
    if (!kindInfo[kind].essential && recipient.optOuts.includes(kind)) continue;
    const key = `${userId}:${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    planned.push({ recipient, kind });
  }
  return planned;
}
