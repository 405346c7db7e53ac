import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import { attachmentResponse } from '@/lib/http/attachment-download';
import { readVisibleAttachment } from '@/lib/tickets/attachment-queries';

const params = z.object({ id: z.string(), attachmentId: z.string() });
const query = z.object({ inline: z.enum(['1']).optional() });

/** One file, to whoever may see what it hangs on; `?inline=1` shows a PNG, JPEG, GIF or WebP in the browser. */
export const GET = route({ params, query, note: 'Answers the file itself.' }, async ({ actor, params, query, db }) => {
  const file = await readVisibleAttachment(db, actor, { ticketId: params.id, attachmentId: params.attachmentId });
  return attachmentResponse(file, { inline: query.inline === '1' });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
