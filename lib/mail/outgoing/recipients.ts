import type { UserRole } from '../../db/schema';
import { kindInfo, type NotificationKind } from './kinds';

// Who hears about a change to a ticket: the one place these rules live. Pure, so they are tested
// without a database; notify.ts loads the candidates and composes what this decides.

export type TicketFacts = { id: string; requesterId: string; assigneeId: string | null };

/** `mentioned`: the staff named by @username in the new text (ids), to be told unless told already. */
export type TicketChangeEvent =
  | { type: 'created'; ticket: TicketFacts; mentioned?: readonly string[] }
  | {
      type: 'updated';
      ticket: TicketFacts;
      status?: { from: string; to: string };
      assignee?: { from: string | null; to: string | null };
      mentioned?: readonly string[];
    }
  | {
      type: 'commented';
      ticket: TicketFacts;
      /** `reopened`: the requester's reply moved the ticket from pending back to open. */
      comment: { id: string; internal: boolean; reopened?: boolean };
      mentioned?: readonly string[];
    };

export type Candidate = {
  id: string;
  role: UserRole;
  active: boolean;
  email: string | null;
  notifyUnassigned: boolean;
  optOuts: readonly string[];
};

export type PlannedNotification = { recipient: Candidate; kind: NotificationKind };

const isStaffCandidate = (user: Candidate) => user.role === 'agent' || user.role === 'admin';

/** Whether `user` may see the ticket: staff see every ticket, a requester only their own. */
function canSee(user: Candidate, ticket: TicketFacts): boolean {
  return isStaffCandidate(user) || user.id === ticket.requesterId;
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
 * The mails one change sends. An internal note only to the staff it mentions; a staff mail never
 * to a requester; never to someone who cannot see the ticket, is inactive, has no address or
 * turned the kind off; never to the person who made the change — except the receipt for a ticket
 * someone opened themselves (also by mail), which is its point. A mention adds no second mail to
 * someone this change already mails.
 */
export function planNotifications(
  event: TicketChangeEvent,
  actorId: string | null,
  candidates: readonly Candidate[],
): PlannedNotification[] {
  const byId = new Map(candidates.map((user) => [user.id, user]));
  const pairs = wanted(event, byId);
  const internal = event.type === 'commented' && event.comment.internal;
  if (event.type === 'commented' && !internal) {
    if (actorId === event.ticket.requesterId) {
      const kind = event.comment.reopened ? 'ticket_reopened' : 'requester_reply';
      if (event.ticket.assigneeId) pairs.push([event.ticket.assigneeId, kind]);
    } else pairs.push([event.ticket.requesterId, 'public_reply']);
  }
  for (const userId of event.mentioned ?? []) pairs.push([userId, 'mentioned']);

  const planned: PlannedNotification[] = [];
  const seen = new Set<string>();
  const mailed = new Set<string>();
  for (const [userId, kind] of pairs) {
    const recipient = byId.get(userId);
    if (!recipient || !recipient.active || !recipient.email) continue;
    if (!canSee(recipient, event.ticket)) continue;
    if ((internal || kindInfo[kind].audience === 'staff') && !isStaffCandidate(recipient)) continue;
    if (userId === actorId && kind !== 'ticket_received') continue;
    if (!kindInfo[kind].essential && recipient.optOuts.includes(kind)) continue;
    if (kind === 'mentioned' && mailed.has(userId)) continue;
    const key = `${userId}:${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    mailed.add(userId);
    planned.push({ recipient, kind });
  }
  return planned;
}
