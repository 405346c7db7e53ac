import { authenticate } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';
import { ticketContextOf } from '@/lib/tickets/context';
import { addComment } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { newCommentSchema } from '@/lib/tickets/schemas';

type Context = { params: Promise<{ id: string }> };

export const POST = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const body = await parseJsonBody(request, newCommentSchema.strict());
  const current = await authenticate();
  const context = await ticketContextOf(current);
  const db = await getDb();
  const created = await db.transaction((tx) => addComment(tx, { ...body, ticketId: id }, context));
  const ticket = await getTicket(db, current.user, id);
  return jsonOk({ comment: ticket.comments.find((comment) => comment.id === created.id) }, { status: 201 });
});
