'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { validatedAction } from '@/lib/actions/validated-action';
import { requireUser } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { findAssetIdByTag, setAssetLink } from '@/lib/tickets/asset-links';
import { ticketContextOf } from '@/lib/tickets/context';
import { addComment, createTicket, updateTicket } from '@/lib/tickets/mutations';
import { isUuid } from '@/lib/tickets/access';
import { statusLabels } from '@/lib/tickets/rules';
import {
  categorySchema,
  descriptionSchema,
  newCommentSchema,
  prioritySchema,
  statusSchema,
  titleSchema,
} from '@/lib/tickets/schemas';

// Each action: parse (validatedAction), authenticate, then the data layer loads, authorizes,
// mutates and audits in one transaction.

const ticketRef = { ticketId: z.string().min(1, 'Unknown ticket.'), version: z.coerce.number().int().positive('Reload the page and try again.') };
const blankAsUndefined = (text: unknown) => (text === '' ? undefined : text);

function refresh(ticketId: string) {
  revalidatePath('/tickets');
  revalidatePath(`/tickets/${ticketId}`);
}

export const createTicketAction = validatedAction(
  z.object({
    title: titleSchema,
    description: descriptionSchema.optional().default(''),
    category: categorySchema.optional().default(''),
    priority: prioritySchema.optional().default('normal'),
    assetId: z.preprocess(blankAsUndefined, z.uuid('Choose one of your assets.').optional()),
    requesterId: z.preprocess(blankAsUndefined, z.uuid('Choose an active user.').optional()),
  }),
  async (data): Promise<ActionState> => {
    const context = await ticketContextOf(await requireUser());
    const db = await getDb();
    const { assetId, ...fields } = data;
    const created = await db
      .transaction((tx) => createTicket(tx, { ...fields, assetIds: assetId ? [assetId] : [] }, context))
      .catch((error: unknown) => {
        // The form has one asset select; point the data layer's message at it.
        if (error instanceof AppError && error.fields?.assetIds) {
          throw new AppError(error.code, error.message, { fields: { assetId: error.fields.assetIds } });
        }
        throw error;
      });
    revalidatePath('/tickets');
    return redirectInApp(`/tickets/${created.id}?created=1`);
  },
);

export const updateTicketAction = validatedAction(
  z.object({
    ...ticketRef,
    status: statusSchema,
    priority: prioritySchema,
    assigneeId: z.preprocess((text) => (text === '' ? null : text), z.uuid('Choose an active agent or admin.').nullable()),
    category: categorySchema,
    title: titleSchema,
    description: descriptionSchema,
  }),
  async ({ ticketId, ...change }) => {
    const context = await ticketContextOf(await requireUser());
    const db = await getDb();
    const result = await db.transaction((tx) => updateTicket(tx, { ...change, ticketId }, context));
    refresh(ticketId);
    return { status: 'success', message: result.changed ? 'Ticket updated.' : 'Nothing to change.' };
  },
);

export const takeTicketAction = validatedAction(z.object(ticketRef), async ({ ticketId, version }) => {
  const current = await requireUser();
  const context = await ticketContextOf(current);
  const db = await getDb();
  await db.transaction((tx) => updateTicket(tx, { ticketId, version, assigneeId: current.user.id }, context));
  refresh(ticketId);
  return { status: 'success', message: 'The ticket is yours now.' };
});

/** Close or reopen: the requester's buttons (agents use the update form). */
export const setStatusAction = validatedAction(z.object({ ...ticketRef, status: statusSchema }), async ({ ticketId, version, status }) => {
  const context = await ticketContextOf(await requireUser());
  const db = await getDb();
  await db.transaction((tx) => updateTicket(tx, { ticketId, version, status }, context));
  refresh(ticketId);
  return { status: 'success', message: status === 'open' ? 'Ticket reopened.' : `Ticket ${statusLabels[status].toLowerCase()}.` };
});

export const addCommentAction = validatedAction(
  z.object({ ticketId: ticketRef.ticketId, body: newCommentSchema.shape.body, internal: z.enum(['on']).optional() }),
  async ({ ticketId, body, internal }) => {
    const context = await ticketContextOf(await requireUser());
    const db = await getDb();
    const comment = await db.transaction((tx) => addComment(tx, { ticketId, body, internal: internal === 'on' }, context));
    refresh(ticketId);
    // An empty form after success: the comment now shows in the conversation.
    return { status: 'success', message: comment.internal ? 'Internal note added.' : 'Reply added.', values: {} };
  },
);

export const linkAssetAction = validatedAction(
  z.object({ ticketId: ticketRef.ticketId, asset: z.string().trim().min(1, 'Enter an asset tag.').max(100, 'Use at most 100 characters.') }),
  async ({ ticketId, asset }) => {
    const context = await ticketContextOf(await requireUser());
    const db = await getDb();
    const assetId = isUuid(asset) ? asset : await findAssetIdByTag(db, asset);
    if (!assetId) throw new AppError('validation_failed', 'No asset has this tag.', { fields: { asset: 'No asset has this tag.' } });
    const { changed } = await db.transaction((tx) => setAssetLink(tx, { ticketId, assetId, linked: true }, context)).catch((error: unknown) => {
      if (error instanceof AppError && error.fields?.assetId) throw new AppError(error.code, error.message, { fields: { asset: error.fields.assetId } });
      throw error;
    });
    refresh(ticketId);
    return { status: 'success', message: changed ? 'Asset linked.' : 'That asset is already linked.', values: {} };
  },
);

export const unlinkAssetAction = validatedAction(z.object({ ticketId: ticketRef.ticketId, assetId: z.uuid('Unknown asset.') }), async ({ ticketId, assetId }) => {
  const context = await ticketContextOf(await requireUser());
  const db = await getDb();
  await db.transaction((tx) => setAssetLink(tx, { ticketId, assetId, linked: false }, context));
  refresh(ticketId);
  return { status: 'success', message: 'Asset unlinked.' };
});
