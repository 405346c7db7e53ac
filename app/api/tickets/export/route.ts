import { authenticate } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { csvResponse } from '@/lib/http/csv-response';
import { jsonRoute } from '@/lib/http/json';
import { parseListParamsLeniently } from '@/lib/http/list-params';
import { exportTickets } from '@/lib/tickets/list';
import { priorityLabels, statusLabels } from '@/lib/tickets/rules';
import { ticketListPageSchema, ticketQueryObject } from '@/lib/tickets/schemas';

const header = ['Number', 'Title', 'Status', 'Priority', 'Category', 'Requester', 'Assignee', 'Created', 'Updated', 'Resolved', 'Closed'];

// Linked from the list page with its query string, so it parses the filters the way the page does.
export const GET = jsonRoute(async (request) => {
  const filters = parseListParamsLeniently(ticketListPageSchema, ticketQueryObject(new URL(request.url).searchParams));
  const current = await authenticate();
  const rows = await exportTickets(await getDb(), current.user, filters);
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(
    `tickets-${day}.csv`,
    header,
    rows.map((ticket) => [
      ticket.reference,
      ticket.title,
      statusLabels[ticket.status],
      priorityLabels[ticket.priority],
      ticket.category,
      ticket.requester.username,
      ticket.assignee?.username ?? '',
      ticket.createdAt,
      ticket.updatedAt,
      ticket.resolvedAt,
      ticket.closedAt,
    ]),
  );
});
