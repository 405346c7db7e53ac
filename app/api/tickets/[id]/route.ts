import { authenticate } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';
import { ticketContextOf } from '@/lib/tickets/context';
import { updateTicket } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { ticketChangeSchema } from '@/lib/tickets/schemas';

type Context = { params: Promise<{ id: string }> };

export const GET = jsonRoute(async (_request, { params }: Context) => {
  const { id } = await params;
  const current = await authenticate();
  return jsonOk(await getTicket(await getDb(), current.user, id));
});

export const PATCH = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const body = await parseJsonBody(request, ticketChangeSchema.strict());
  const current = await authenticate();
  const context = await ticketContextOf(current);
  const db = await getDb();
  await db.transaction((tx) => updateTicket(tx, { ...body, ticketId: id }, context));
  return jsonOk(await getTicket(db, current.user, id));
});
