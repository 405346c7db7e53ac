import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import type { Executor } from '@/lib/db/client';
import type { Actor } from '@/lib/actor';
import { listVisibleAttachments } from '@/lib/tickets/attachment-queries';
import { updateTicket } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { ticketChangeSchema } from '@/lib/tickets/schemas';

const params = z.object({ id: z.string() });

/** The ticket with the files its reader may see (metadata only; each downloads from its own route). */
async function ticketWithAttachments(db: Executor, actor: Actor, ticketId: string) {
  const ticket = await getTicket(db, actor, ticketId);
  return { ...ticket, attachments: await listVisibleAttachments(db, actor, ticket.id) };
}

export const GET = route({ params }, async ({ actor, params, db }) => ticketWithAttachments(db, actor, params.id));

export const PATCH = route(
  { params, body: ticketChangeSchema.strict() },
  async ({ actor, params, body, db, transaction }) => {
    await transaction((tx) => updateTicket(tx, actor, { ...body, ticketId: params.id }));
    return ticketWithAttachments(db, actor, params.id);
  },
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
