import 'server-only';
import { z } from 'zod';
import { addComment, updateTicket } from '../../tickets/mutations';
import { newCommentSchema } from '../../tickets/schemas';
import { transitionRefusal } from '../../tickets/rules';
import { defineBulkAction } from '../action';

export const ticketCloseAction = defineBulkAction({
  kind: 'ticket.close',
  target: 'ticket',
  label: 'Close with a reply',
  fields: [{ name: 'body', label: 'Reply (sent to each requester)', kind: 'text' }],
  params: z.object({ body: newCommentSchema.shape.body }),
  describe: (_executor, { body }) => `Close with the reply “${body.length > 60 ? `${body.slice(0, 60)}…` : body}”`,
  refusal: (ticket, _params, actor) =>
    ticket.status === 'closed' ? 'Already closed.' : transitionRefusal(ticket.status, 'closed', actor.role),
  // The close goes first: it is the step at the preview's version, so a ticket changed since is left as it is.
  apply: async (tx, actor, ticket, { body }) => {
    await updateTicket(tx, actor, { ticketId: ticket.id, version: ticket.version, status: 'closed' });
    await addComment(tx, actor, { ticketId: ticket.id, body });
  },
});
