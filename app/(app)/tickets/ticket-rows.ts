import { formatDateTime } from '@/lib/format';
import { describeSla, type SlaBadgeInfo } from '@/lib/sla/describe';
import type { TicketListItem } from '@/lib/tickets/list';
import type { TicketPriority, TicketStatus } from '@/lib/tickets/rules';

/** A sortable column header's link and its aria-sort. */
export type SortLink = { href: string; ariaSort: 'ascending' | 'descending' | 'none' };

/** What one row of the ticket table shows, formatted on the server: all the browser receives of a ticket. */
export type TicketRow = {
  id: string;
  reference: string;
  title: string;
  category: string;
  status: TicketStatus;
  priority: TicketPriority;
  requesterId: string;
  requesterName: string;
  assigneeName: string | null;
  updated: string;
  /** Changed since the viewing agent last opened it. */
  unseen: boolean;
  /** The SLA badge, worded at the time of the page (the browser's clock is not trusted to agree). */
  sla: SlaBadgeInfo | null;
};

export function toTicketRow(ticket: TicketListItem): TicketRow {
  return {
    id: ticket.id,
    reference: ticket.reference,
    title: ticket.title,
    category: ticket.category,
    status: ticket.status,
    priority: ticket.priority,
    requesterId: ticket.requester.id,
    requesterName: ticket.requester.displayName,
    assigneeName: ticket.assignee?.displayName ?? null,
    updated: formatDateTime(ticket.updatedAt),
    unseen: ticket.unseen,
    sla: ticket.sla ? describeSla(ticket.sla, new Date()) : null,
  };
}
