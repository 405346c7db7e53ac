import { otherMethods, route } from '@/lib/boundary/route';
import { csvResponse } from '@/lib/http/csv-response';
import { parseListParamsLeniently } from '@/lib/list-params';
import { exportTickets } from '@/lib/tickets/list';
import { priorityLabels, statusLabels } from '@/lib/tickets/rules';
import { ticketListPageSchema, ticketQueryObject } from '@/lib/tickets/schemas';

const header = [
  'Number',
  'Title',
  'Status',
  'Priority',
  'Category',
  'Requester',
  'Assignee',
  'Created',
  'Updated',
  'Resolved',
  'Closed',
];

// Linked from the list page with its query string, so it parses the filters the way the page does:
// leniently, dropping what does not validate, where the `query` option would refuse it with a 400.
export const GET = route(
  { note: "Takes the ticket list's filters; answers CSV (text/csv)." },
  async ({ actor, request, db }) => {
    const filters = parseListParamsLeniently(
      ticketListPageSchema,
      ticketQueryObject(new URL(request.url).searchParams),
    );
    const rows = await exportTickets(db, actor, filters);
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
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
