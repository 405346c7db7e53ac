'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { checkInAsset, checkOutAsset } from '@/lib/assets/assignments';
import { removeAssetImage } from '@/lib/assets/images';
import { createAsset, updateAsset } from '@/lib/assets/mutations';
import { assetChangesSchema, checkInSchema, checkOutSchema, fromAssetForm, newAssetSchema } from '@/lib/assets/schemas';
import type { Actor } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import type { Transaction } from '@/lib/db/client';
import { redirectInApp } from '@/lib/http/redirect-in-app';

// Each action: the boundary parses the form and signs the actor in; the lib function authorizes,
// mutates and audits in the one transaction. Changes that reshape the asset page redirect back to
// it with a notice, since the form that sent them is replaced by the new state.

const assetRef = { assetId: z.uuid('Unknown asset.') };

export const createAssetAction = serverAction(
  { input: fromAssetForm(newAssetSchema) },
  async ({ actor, input, transaction }) => {
    const asset = await transaction((tx) => createAsset(tx, actor, input));
    revalidatePath('/assets');
    return redirectInApp(`/assets/${asset.id}?notice=created`);
  },
);

/** An action that changes one asset, then reloads its page with `notice` saying what happened. */
function assetPageAction<Schema extends z.ZodType>(
  input: Schema,
  change: (tx: Transaction, actor: Actor, input: z.output<Schema>) => Promise<{ id: string }>,
  notice: string,
) {
  return serverAction({ input }, async ({ actor, input: parsed, transaction }) => {
    const asset = await transaction((tx) => change(tx, actor, parsed));
    revalidatePath(`/assets/${asset.id}`);
    return redirectInApp(`/assets/${asset.id}?notice=${notice}`);
  });
}

export const updateAssetAction = assetPageAction(
  fromAssetForm(assetChangesSchema.extend(assetRef)),
  updateAsset,
  'saved',
);
export const checkOutAction = assetPageAction(checkOutSchema.extend(assetRef), checkOutAsset, 'checked-out');
export const checkInAction = assetPageAction(checkInSchema.extend(assetRef), checkInAsset, 'checked-in');

export const removeImageAction = serverAction({ input: z.object(assetRef) }, async ({ actor, input, transaction }) => {
  const removed = await transaction((tx) => removeAssetImage(tx, actor, input.assetId));
  revalidatePath(`/assets/${input.assetId}`);
  return { status: 'success', message: removed ? 'Image removed.' : 'This asset had no image.' };
});
