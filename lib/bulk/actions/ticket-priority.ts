import 'server-only';
import { z } from 'zod';
import { updateTicket } from '../../tickets/mutations';
import { priorityLabels, ticketPriorities } from '../../tickets/rules';
import { defineBulkAction } from '../action';

export const ticketPriorityAction = defineBulkAction({
  kind: 'ticket.priority',
  target: 'ticket',
  label: 'Change priority',
  fields: [
    {
      name: 'priority',
      label: 'New priority',
      kind: 'select',
      options: ticketPriorities.map((priority) => ({ value: priority, label: priorityLabels[priority] })),
    },
  ],
  params: z.object({ priority: z.enum(ticketPriorities, { error: 'Choose a priority.' }) }),
  describe: (_executor, { priority }) => `Set the priority to ${priorityLabels[priority]}`,
  refusal: (ticket, { priority }) => (ticket.priority === priority ? `Already ${priorityLabels[priority]}.` : null),
  apply: async (tx, actor, ticket, { priority }) => {
    await updateTicket(tx, actor, { ticketId: ticket.id, version: ticket.version, priority });
  },
});
