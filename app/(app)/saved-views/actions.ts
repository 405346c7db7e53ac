'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/boundary/server-action';
import { savedViewRemoveSchema, savedViewRenameSchema, newSavedViewSchema } from '@/lib/saved-views/schemas';
import { removeView, renameView, saveView } from '@/lib/saved-views/views';

// Anyone signed in keeps personal views; sharing, renaming and removing are the data layer's rules.

function refresh() {
  // The views and their counts are in the menu of every page.
  revalidatePath('/', 'layout');
}

export const saveViewAction = serverAction(
  {
    input: newSavedViewSchema.extend({
      shared: z
        .enum(['personal', 'shared'], { error: 'Choose who sees it.' })
        .optional()
        .transform((scope) => scope === 'shared'),
    }),
  },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => saveView(tx, actor, input));
    refresh();
    return { status: 'success', message: `Saved the view “${input.name}”.`, values: {} };
  },
);

export const renameViewAction = serverAction(
  { input: savedViewRenameSchema },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => renameView(tx, actor, input));
    refresh();
    return { status: 'success', message: `Renamed to “${input.name}”.` };
  },
);

export const removeViewAction = serverAction(
  { input: savedViewRemoveSchema },
  async ({ actor, input, transaction }) => {
    const removed = await transaction((tx) => removeView(tx, actor, input));
    refresh();
    return { status: 'success', message: `Removed the view “${removed.name}”.` };
  },
);
