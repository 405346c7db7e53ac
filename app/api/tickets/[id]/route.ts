import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import { updateTicket } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { ticketChangeSchema } from '@/lib/tickets/schemas';

const params = z.object({ id: z.string() });

export const GET = route({ params }, async ({ actor, params, db }) => getTicket(db, actor, params.id));

export const PATCH = route(
  { params, body: ticketChangeSchema.strict() },
  async ({ actor, params, body, db, transaction }) => {
    await transaction((tx) => updateTicket(tx, actor, { ...body, ticketId: params.id }));
    return getTicket(db, actor, params.id);
  },
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
