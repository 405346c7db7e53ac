'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { checkInAsset, checkOutAsset } from '@/lib/assets/assignments';
import { removeAssetImage } from '@/lib/assets/images';
import { createAsset, updateAsset } from '@/lib/assets/mutations';
import { requireAssetContext } from '@/lib/assets/request-context';
import { assetChangesSchema, checkInSchema, checkOutSchema, newAssetSchema } from '@/lib/assets/schemas';
import { getDb } from '@/lib/db/client';
import { redirectInApp } from '@/lib/http/redirect-in-app';

// Each action: parse (validatedAction), authenticate, then the lib function authorizes, mutates
// and audits in one transaction. Changes that reshape the asset page redirect back to it with a
// notice, since the form that sent them is replaced by the new state.

const assetRef = { assetId: z.uuid('Unknown asset.') };

export const createAssetAction = validatedAction(newAssetSchema, async (data) => {
  const context = await requireAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => createAsset(tx, data, context));
  revalidatePath('/assets');
  return redirectInApp(`/assets/${asset.id}?notice=created`);
});

export const updateAssetAction = validatedAction(assetChangesSchema.extend(assetRef), async ({ assetId, ...changes }) => {
  const context = await requireAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => updateAsset(tx, assetId, changes, context));
  revalidatePath(`/assets/${asset.id}`);
  return redirectInApp(`/assets/${asset.id}?notice=saved`);
});

export const checkOutAction = validatedAction(checkOutSchema.extend(assetRef), async ({ assetId, ...data }) => {
  const context = await requireAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => checkOutAsset(tx, assetId, data, context));
  revalidatePath(`/assets/${asset.id}`);
  return redirectInApp(`/assets/${asset.id}?notice=checked-out`);
});

export const checkInAction = validatedAction(checkInSchema.extend(assetRef), async ({ assetId, ...data }) => {
  const context = await requireAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => checkInAsset(tx, assetId, data, context));
  revalidatePath(`/assets/${asset.id}`);
  return redirectInApp(`/assets/${asset.id}?notice=checked-in`);
});

export const removeImageAction = validatedAction(z.object(assetRef), async ({ assetId }) => {
  const context = await requireAssetContext();
  const db = await getDb();
  const removed = await db.transaction((tx) => removeAssetImage(tx, assetId, context));
  revalidatePath(`/assets/${assetId}`);
  return { status: 'success', message: removed ? 'Image removed.' : 'This asset had no image.' };
});
