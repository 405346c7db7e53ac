import { pageActor } from '@/lib/boundary/page';
import type { DashboardTicket } from '@/lib/dashboard/ticket-stats';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { ticketsWithNews } from '@/lib/tickets/reads';
import { ticketReference } from '@/lib/tickets/rules';
import { TicketListTable } from './ticket-list-table';

/**
 * A short table of tickets linking to each one, those with news for the viewing agent marked; the
 * rows are formatted here, on the server.
 */
export async function TicketList({
  tickets,
  empty,
  caption,
}: {
  tickets: DashboardTicket[];
  empty: string;
  caption: string;
}) {
  const news = await ticketsWithNews(await getDb(), await pageActor(), tickets);
  const rows = tickets.map((ticket) => ({
    id: ticket.id,
    reference: ticketReference(ticket.number),
    title: ticket.title,
    priority: ticket.priority,
    status: ticket.status,
    updated: formatDateTime(ticket.updatedAt),
    unseen: news.has(ticket.id),
  }));
  return <TicketListTable rows={rows} caption={caption} empty={empty} />;
}
