import { isStaff } from '../actor';
import type { UserRole } from '../db/schema';
import {
  openWorkStatuses,
  ticketPriorities,
  ticketStatuses,
  type TicketPriority,
  type TicketStatus,
} from '../db/enums';

// The ticket workflow and who may drive it. Pure functions: shared by the data layer and the pages.

export { openWorkStatuses, ticketPriorities, ticketStatuses, type TicketPriority, type TicketStatus };

/** `status=all` in a ticket list's address (alone or beside other statuses): every status, instead of the open-work default. */
export const allStatuses = 'all';

export const defaultCategory = 'General';

/** What the forms suggest for a ticket's category: the listed ones (lib/tickets/categories.ts) and the default, always allowed. */
export function ticketCategoryChoices(listed: readonly string[]): string[] {
  const known = listed.some((name) => name.toLowerCase() === defaultCategory.toLowerCase());
  return known ? [...listed] : [...listed, defaultCategory];
}

const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** The statuses a ticket in `from` may move to, for this kind of user. */
export function allowedTransitions(from: TicketStatus, role: UserRole): TicketStatus[] {
  if (isStaff({ role })) return [...transitions[from]];
  // A requester may close their ticket, and reopen it while it is resolved (the fix did not hold).
  const allowed: TicketStatus[] = [];
  if (from !== 'closed') allowed.push('closed');
  if (from === 'resolved') allowed.push('open');
  return allowed;
}

/** Why a status change is refused, or null when it is allowed. */
export function transitionRefusal(from: TicketStatus, to: TicketStatus, role: UserRole): string | null {
  if (from === to || allowedTransitions(from, role).includes(to)) return null;
  if (from === 'closed' && to === 'open') return 'Only agents can reopen a closed ticket.';
  if (!isStaff({ role })) {
    return from === 'closed'
      ? 'This ticket is closed.'
      : `You can close this ticket${from === 'resolved' ? ' or reopen it' : ''}, nothing else.`;
  }
  return `A ${from} ticket cannot be set to ${to}. Allowed: ${transitions[from].join(', ')}.`;
}

/**
 * Whether a comment reopens its ticket: the requester's own reply to a ticket that waits on them
 * (pending) puts it back in the agents' open work. Not an agent's words, not a note.
 */
export function reopensOnReply(
  ticket: { status: TicketStatus; requesterId: string },
  authorId: string,
  internal: boolean,
): boolean {
  return !internal && ticket.status === 'pending' && authorId === ticket.requesterId;
}

export const statusLabels: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Waiting on requester',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const priorityLabels: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export function ticketReference(number: number): string {
  return `T-${number}`;
}

/** "T-1042", "t1042", "#1042" or "1042" → 1042; anything else → null. */
export function parseTicketReference(text: string | undefined): number | null {
  const match = /^\s*(?:t-?|#)?(\d{1,15})\s*$/i.exec(text ?? '');
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) ? number : null;
}
