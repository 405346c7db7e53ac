import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor, Transaction } from '../db/client';
import { assetImages } from '../db/schema-domain';
import { assertCanManageAssets } from './access';
import { auditAsset } from './audit';
import { checkImage, type CheckedImage, type ImageLimits } from './image-validation';
import { findAsset } from './queries';

export type StoredImage = { contentType: string; bytes: Buffer; byteSize: number; updatedAt: Date };

/** Validates, then replaces the asset's image. A refused file throws before anything is written. */
export async function setAssetImage(
  tx: Transaction,
  actor: Actor,
  input: { assetId: string; bytes: Uint8Array; limits: ImageLimits },
): Promise<CheckedImage> {
  assertCanManageAssets(actor);
  const asset = await findAsset(tx, actor, input.assetId);
  const image = checkImage(input.bytes, input.limits);
  const values = {
    contentType: image.contentType,
    bytes: Buffer.from(input.bytes),
    byteSize: image.byteSize,
    width: image.width,
    height: image.height,
  };
  await tx
    .insert(assetImages)
    .values({ assetId: asset.id, ...values })
    .onConflictDoUpdate({ target: assetImages.assetId, set: { ...values, updatedAt: sql`now()` } });
  await auditAsset(tx, actor, 'asset.image_set', asset, {
    contentType: image.contentType,
    byteSize: image.byteSize,
    width: image.width,
    height: image.height,
  });
  return image;
}

/** Removes the image; returns false when the asset had none. */
export async function removeAssetImage(tx: Transaction, actor: Actor, assetId: string): Promise<boolean> {
  assertCanManageAssets(actor);
  const asset = await findAsset(tx, actor, assetId);
  const removed = await tx
    .delete(assetImages)
    .where(eq(assetImages.assetId, asset.id))
    .returning({ assetId: assetImages.assetId });
  if (removed.length === 0) return false;
  await auditAsset(tx, actor, 'asset.image_remove', asset);
  return true;
}

type ImageColumns = Partial<Record<keyof typeof assetImages.$inferSelect, true>>;

/** The asked-for columns of the image of an asset the actor may see; null when it has none. */
async function findImage<Columns extends ImageColumns>(
  executor: Executor,
  actor: Actor,
  assetId: string,
  columns: Columns,
) {
  const asset = await findAsset(executor, actor, assetId);
  const image = await executor.query.assetImages.findFirst({ columns, where: eq(assetImages.assetId, asset.id) });
  return image ?? null;
}

/** The image of an asset the actor may see; null when it has none. */
export function readAssetImage(executor: Executor, actor: Actor, assetId: string): Promise<StoredImage | null> {
  return findImage(executor, actor, assetId, { contentType: true, bytes: true, byteSize: true, updatedAt: true });
}

export type ImageInfo = { contentType: string; width: number; height: number; byteSize: number; updatedAt: Date };

/** The image's metadata without its bytes, for the asset page. */
export function findAssetImageInfo(executor: Executor, actor: Actor, assetId: string): Promise<ImageInfo | null> {
  return findImage(executor, actor, assetId, {
    contentType: true,
    width: true,
    height: true,
    byteSize: true,
    updatedAt: true,
  });
}
