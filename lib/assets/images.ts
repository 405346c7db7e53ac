import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { assetImages } from '../db/schema-domain';
import { assertCanManageAssets } from './access';
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
  await recordAudit(tx, actor, {
    action: 'asset.image_set',
    target: { type: 'asset', id: asset.id },
    details: {
      assetTag: asset.assetTag,
      contentType: image.contentType,
      byteSize: image.byteSize,
      width: image.width,
      height: image.height,
    },
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
  await recordAudit(tx, actor, {
    action: 'asset.image_remove',
    target: { type: 'asset', id: asset.id },
    details: { assetTag: asset.assetTag },
  });
  return true;
}

/** The image of an asset the actor may see; null when it has none. */
export async function readAssetImage(executor: Executor, actor: Actor, assetId: string): Promise<StoredImage | null> {
  const asset = await findAsset(executor, actor, assetId);
  const [image] = await executor
    .select({
      contentType: assetImages.contentType,
      bytes: assetImages.bytes,
      byteSize: assetImages.byteSize,
      updatedAt: assetImages.updatedAt,
    })
    .from(assetImages)
    .where(eq(assetImages.assetId, asset.id))
    .limit(1);
  return image ?? null;
}

export type ImageInfo = { contentType: string; width: number; height: number; byteSize: number; updatedAt: Date };

/** The image's metadata without its bytes, for the asset page. */
export async function findAssetImageInfo(executor: Executor, actor: Actor, assetId: string): Promise<ImageInfo | null> {
  const asset = await findAsset(executor, actor, assetId);
  const [info] = await executor
    .select({
      contentType: assetImages.contentType,
      width: assetImages.width,
      height: assetImages.height,
      byteSize: assetImages.byteSize,
      updatedAt: assetImages.updatedAt,
    })
    .from(assetImages)
    .where(eq(assetImages.assetId, asset.id))
    .limit(1);
  return info ?? null;
}
