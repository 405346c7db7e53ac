import { otherMethods, route } from '@/lib/boundary/route';
import { jsonOk } from '@/lib/http/json';
import { listTickets } from '@/lib/tickets/list';
import { createTicket } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { newTicketSchema, ticketListQuerySchema, ticketQueryObject } from '@/lib/tickets/schemas';

export const GET = route(
  { query: ticketListQuerySchema, queryObject: ticketQueryObject },
  async ({ actor, query, db }) => listTickets(db, actor, query),
);

export const POST = route({ body: newTicketSchema.strict() }, async ({ actor, body, db, transaction }) => {
  const created = await transaction((tx) => createTicket(tx, actor, body));
  return jsonOk(await getTicket(db, actor, created.id), { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
