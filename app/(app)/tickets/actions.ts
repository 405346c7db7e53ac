'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/boundary/server-action';
import { AppError } from '@/lib/errors';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { linkableAssetIdByTag, setAssetLink } from '@/lib/tickets/asset-links';
import { attachmentsField, attachmentsFromFiles, storeAttachments } from '@/lib/tickets/attachments';
import { addComment, createTicket, updateTicket } from '@/lib/tickets/mutations';
import { statusLabels } from '@/lib/tickets/rules';
import {
  categorySchema,
  descriptionSchema,
  newCommentSchema,
  prioritySchema,
  statusSchema,
  titleSchema,
} from '@/lib/tickets/schemas';
import { isUuid, singleLineText } from '@/lib/validation';

// Each action: the boundary parses the form and signs the actor in, then the data layer loads,
// authorizes, mutates and audits in one transaction.

const ticketRef = {
  ticketId: z.string().min(1, 'Unknown ticket.'),
  version: z.coerce.number().int().positive('Reload the page and try again.'),
};
const blankAsUndefined = (text: unknown) => (text === '' ? undefined : text);

function refresh(ticketId: string) {
  revalidatePath('/tickets');
  revalidatePath(`/tickets/${ticketId}`);
}

/** The data layer names a field after its input; a form with another field name shows the message there. */
function movedToField(from: string, to: string) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.fields?.[from])
      throw new AppError(error.code, error.message, { fields: { [to]: error.fields[from] } });
    throw error;
  };
}

export const createTicketAction = serverAction(
  {
    input: z.object({
      title: titleSchema,
      description: descriptionSchema.optional().default(''),
      category: categorySchema.optional().default(''),
      priority: prioritySchema.optional().default('normal'),
      assetId: z.preprocess(blankAsUndefined, z.uuid('Choose one of your assets.').optional()),
      requesterId: z.preprocess(blankAsUndefined, z.uuid('Choose an active user.').optional()),
    }),
  },
  async ({ actor, input, formData, transaction }) => {
    const { assetId, ...fields } = input;
    const files = await attachmentsFromFiles(formData.getAll(attachmentsField));
    // The form has one asset select; the data layer's message about assetIds belongs on it. The
    // files go on the description in the same transaction: a refused file leaves no ticket behind.
    const created = await transaction(async (tx) => {
      const ticket = await createTicket(tx, actor, { ...fields, assetIds: assetId ? [assetId] : [] });
      await storeAttachments(tx, actor, { ticketId: ticket.id, commentId: null }, files);
      return ticket;
    }).catch(movedToField('assetIds', 'assetId'));
    revalidatePath('/tickets');
    return redirectInApp(`/tickets/${created.id}?created=1`);
  },
);

export const updateTicketAction = serverAction(
  {
    input: z.object({
      ...ticketRef,
      status: statusSchema,
      priority: prioritySchema,
      assigneeId: z.preprocess(
        (text) => (text === '' ? null : text),
        z.uuid('Choose an active agent or admin.').nullable(),
      ),
      category: categorySchema,
      title: titleSchema,
      description: descriptionSchema,
    }),
  },
  async ({ actor, input, transaction }) => {
    const result = await transaction((tx) => updateTicket(tx, actor, input));
    refresh(input.ticketId);
    return { status: 'success', message: result.changed ? 'Ticket updated.' : 'Nothing to change.' };
  },
);

export const takeTicketAction = serverAction(
  { input: z.object(ticketRef) },
  async ({ actor, input: { ticketId, version }, transaction }) => {
    await transaction((tx) => updateTicket(tx, actor, { ticketId, version, assigneeId: actor.id }));
    refresh(ticketId);
    return { status: 'success', message: 'The ticket is yours now.' };
  },
);

/** Close or reopen: the requester's buttons (agents use the update form). */
export const setStatusAction = serverAction(
  { input: z.object({ ...ticketRef, status: statusSchema }) },
  async ({ actor, input: { ticketId, version, status }, transaction }) => {
    await transaction((tx) => updateTicket(tx, actor, { ticketId, version, status }));
    refresh(ticketId);
    return {
      status: 'success',
      message: status === 'open' ? 'Ticket reopened.' : `Ticket ${statusLabels[status].toLowerCase()}.`,
    };
  },
);

export const addCommentAction = serverAction(
  {
    input: z.object({
      ticketId: ticketRef.ticketId,
      body: newCommentSchema.shape.body,
      internal: z.enum(['on']).optional(),
    }),
  },
  async ({ actor, input: { ticketId, body, internal }, formData, transaction }) => {
    const files = await attachmentsFromFiles(formData.getAll(attachmentsField));
    const comment = await transaction(async (tx) => {
      const added = await addComment(tx, actor, { ticketId, body, internal: internal === 'on' });
      await storeAttachments(tx, actor, { ticketId, commentId: added.id }, files);
      return added;
    });
    refresh(ticketId);
    // An empty form after success: the comment now shows in the conversation.
    return { status: 'success', message: comment.internal ? 'Internal note added.' : 'Reply added.', values: {} };
  },
);

export const linkAssetAction = serverAction(
  {
    input: z.object({
      ticketId: ticketRef.ticketId,
      asset: singleLineText().min(1, 'Choose an asset.').max(100, 'Use at most 100 characters.'),
    }),
  },
  async ({ actor, input: { ticketId, asset }, db, transaction }) => {
    const assetId = isUuid(asset) ? asset : await linkableAssetIdByTag(db, actor, asset);
    const { changed } = await transaction((tx) => setAssetLink(tx, actor, { ticketId, assetId, linked: true })).catch(
      movedToField('assetId', 'asset'),
    );
    refresh(ticketId);
    return { status: 'success', message: changed ? 'Asset linked.' : 'That asset is already linked.', values: {} };
  },
);

export const unlinkAssetAction = serverAction(
  { input: z.object({ ticketId: ticketRef.ticketId, assetId: z.uuid('Unknown asset.') }) },
  async ({ actor, input: { ticketId, assetId }, transaction }) => {
    await transaction((tx) => setAssetLink(tx, actor, { ticketId, assetId, linked: false }));
    refresh(ticketId);
    return { status: 'success', message: 'Asset unlinked.' };
  },
);
