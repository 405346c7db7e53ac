import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import { jsonOk } from '@/lib/http/json';
import { addComment } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { newCommentSchema } from '@/lib/tickets/schemas';

export const POST = route(
  { params: z.object({ id: z.string() }), body: newCommentSchema.strict() },
  async ({ actor, params, body, db, transaction }) => {
    const created = await transaction((tx) => addComment(tx, actor, { ...body, ticketId: params.id }));
    const ticket = await getTicket(db, actor, params.id);
    return jsonOk({ comment: ticket.comments.find((comment) => comment.id === created.id) }, { status: 201 });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
