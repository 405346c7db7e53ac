import type { DashboardTicket } from '@/lib/dashboard/ticket-stats';
import { formatDateTime } from '@/lib/format';
import { ticketReference } from '@/lib/tickets/rules';
import { TicketListTable } from './ticket-list-table';

/**
 * A short table of tickets linking to each one, those with news for the viewing agent marked; the
 * rows are formatted here, on the server.
 */
export function TicketList({
  tickets,
  empty,
  caption,
}: {
  tickets: DashboardTicket[];
  empty: string;
  caption: string;
}) {
  const rows = tickets.map((ticket) => ({
    id: ticket.id,
    reference: ticketReference(ticket.number),
    title: ticket.title,
    priority: ticket.priority,
    status: ticket.status,
    updated: formatDateTime(ticket.updatedAt),
    unseen: ticket.unseen,
  }));
  return <TicketListTable rows={rows} caption={caption} empty={empty} />;
}
