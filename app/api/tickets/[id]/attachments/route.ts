import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import { AppError } from '@/lib/errors';
import { jsonOk } from '@/lib/http/json';
import { readLimitedFormData } from '@/lib/http/limited-body';
import { loadVisibleTicket } from '@/lib/tickets/access';
import { listVisibleAttachments } from '@/lib/tickets/attachment-queries';
import {
  attachmentsFromFiles,
  maxFilesPerUpload,
  maxUploadBodyBytes,
  sizeLimitText,
  storeAttachments,
} from '@/lib/tickets/attachments';
import { getConfig } from '@/lib/config';
import { addComment } from '@/lib/tickets/mutations';
import { getTicket } from '@/lib/tickets/queries';
import { newCommentSchema } from '@/lib/tickets/schemas';
import { parseInput } from '@/lib/validation';

const params = z.object({ id: z.string() });
const sendAsMultipart =
  'Send multipart/form-data: the comment in "body", "internal" as true or false, and the files in "file" fields.';

/** The files of the ticket the caller may see (an internal note's only for agents and admins). */
export const GET = route({ params }, async ({ actor, params, db }) => {
  const ticket = await loadVisibleTicket(db, actor, params.id);
  return { attachments: await listVisibleAttachments(db, actor, ticket.id) };
});

/**
 * A new comment (reply or internal note) carrying files. The body is multipart, not JSON, so the
 * handler reads it itself and refuses it once it outgrows every file at the limit.
 */
export const POST = route({ params, note: sendAsMultipart }, async ({ actor, params, request, db, transaction }) => {
  const form = await readLimitedFormData(request, maxUploadBodyBytes(), {
    tooLarge: () =>
      new AppError(
        'payload_too_large',
        `The upload is too large: at most ${maxFilesPerUpload} files of ${sizeLimitText(getConfig().attachments.maxBytes)} each.`,
      ),
    notMultipart: () => new AppError('bad_request', sendAsMultipart),
  });
  const internal = form.get('internal') ?? 'false';
  if (internal !== 'true' && internal !== 'false')
    throw new AppError('bad_request', 'internal must be true or false.', {
      fields: { internal: 'Use true or false.' },
    });
  const comment = parseInput(newCommentSchema, { body: form.get('body') ?? '', internal: internal === 'true' });
  const files = await attachmentsFromFiles(form.getAll('file'), 'file');
  if (files.length === 0)
    throw new AppError('bad_request', 'Attach at least one file in a "file" field.', {
      fields: { file: 'Choose a file.' },
    });
  const created = await transaction(async (tx) => {
    const added = await addComment(tx, actor, { ...comment, ticketId: params.id });
    await storeAttachments(tx, actor, { ticketId: params.id, commentId: added.id }, files);
    return added;
  });
  const ticket = await getTicket(db, actor, params.id);
  const attachments = await listVisibleAttachments(db, actor, ticket.id);
  return jsonOk(
    {
      comment: ticket.comments.find((item) => item.id === created.id),
      attachments: attachments.filter((item) => item.commentId === created.id),
    },
    { status: 201 },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
