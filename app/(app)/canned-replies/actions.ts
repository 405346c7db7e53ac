'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import { createCannedReply, removeCannedReply, updateCannedReply } from '@/lib/canned-replies/replies';
import { cannedReplyChangeSchema, cannedReplyRemoveSchema, newCannedReplySchema } from '@/lib/canned-replies/schemas';

// Staff only; who may change which reply (shared: admins) is the data layer's rule.

function refresh() {
  revalidatePath('/canned-replies');
  revalidatePath('/tickets', 'layout');
}

export const createCannedReplyAction = serverAction(
  {
    input: newCannedReplySchema.extend({
      shared: z
        .enum(['personal', 'shared'], { error: 'Choose who may use it.' })
        .transform((scope) => scope === 'shared'),
    }),
    roles: staffRoles,
  },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => createCannedReply(tx, actor, input));
    refresh();
    return { status: 'success', message: `Saved “${input.title}”.`, values: {} };
  },
);

export const updateCannedReplyAction = serverAction(
  { input: cannedReplyChangeSchema, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => updateCannedReply(tx, actor, input));
    refresh();
    return { status: 'success', message: `Saved “${input.title}”.` };
  },
);

export const removeCannedReplyAction = serverAction(
  { input: cannedReplyRemoveSchema, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const removed = await transaction((tx) => removeCannedReply(tx, actor, input));
    refresh();
    return { status: 'success', message: `Removed “${removed.title}”.` };
  },
);
