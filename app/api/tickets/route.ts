import { authenticate } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { assertSameOrigin, fieldErrors, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';
import { ticketContextOf } from '@/lib/tickets/context';
import { listTickets } from '@/lib/tickets/list';
import { createTicket } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { newTicketSchema, ticketListQuerySchema, ticketQueryObject } from '@/lib/tickets/schemas';

export const GET = jsonRoute(async (request) => {
  const parsed = ticketListQuerySchema.safeParse(ticketQueryObject(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: fieldErrors(parsed.error) });
  const current = await authenticate();
  const page = await listTickets(await getDb(), current.user, parsed.data);
  return jsonOk(page);
});

export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const body = await parseJsonBody(request, newTicketSchema.strict());
  const current = await authenticate();
  const context = await ticketContextOf(current);
  const db = await getDb();
  const created = await db.transaction((tx) => createTicket(tx, body, context));
  return jsonOk(await getTicket(db, current.user, created.id), { status: 201 });
});
