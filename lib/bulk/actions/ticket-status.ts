import 'server-only';
import { z } from 'zod';
import { updateTicket } from '../../tickets/mutations';
import { statusLabels, ticketStatuses, transitionRefusal } from '../../tickets/rules';
import { defineBulkAction } from '../action';

export const ticketStatusAction = defineBulkAction({
  kind: 'ticket.status',
  target: 'ticket',
  label: 'Change status',
  fields: [
    {
      name: 'status',
      label: 'New status',
      kind: 'select',
      options: ticketStatuses.map((status) => ({ value: status, label: statusLabels[status] })),
    },
  ],
  params: z.object({ status: z.enum(ticketStatuses, { error: 'Choose a status.' }) }),
  describe: (_executor, { status }) => `Set the status to ${statusLabels[status]}`,
  refusal: (ticket, { status }, actor) => {
    if (ticket.status === status) return `Already ${statusLabels[status]}.`;
    return transitionRefusal(ticket.status, status, actor.role);
  },
  apply: async (tx, actor, ticket, { status }) => {
    await updateTicket(tx, actor, { ticketId: ticket.id, version: ticket.version, status });
  },
});
