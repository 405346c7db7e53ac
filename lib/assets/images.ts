import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { assetImages } from '../db/schema-domain';
import { assertCanManageAssets, auditActorOf, type AssetContext } from './access';
import type { SessionUser } from '../auth/session-store';
import { checkImage, type CheckedImage, type ImageLimits } from './image-validation';
import { findAsset } from './queries';

export type StoredImage = { contentType: string; bytes: Buffer; byteSize: number; updatedAt: Date };

/** Validates, then replaces the asset's image. A refused file throws before anything is written. */
export async function setAssetImage(
  tx: Transaction,
  assetId: string,
  bytes: Uint8Array,
  limits: ImageLimits,
  context: AssetContext,
): Promise<CheckedImage> {
  assertCanManageAssets(context.actor);
  const asset = await findAsset(tx, context.actor, assetId);
  const image = checkImage(bytes, limits);
  const values = { contentType: image.contentType, bytes: Buffer.from(bytes), byteSize: image.byteSize, width: image.width, height: image.height };
  await tx
    .insert(assetImages)
    .values({ assetId: asset.id, ...values })
    .onConflictDoUpdate({ target: assetImages.assetId, set: { ...values, updatedAt: sql`now()` } });
  await recordAudit(tx, {
    actor: auditActorOf(context),
    action: 'asset.image_set',
    target: { type: 'asset', id: asset.id },
    ipAddress: context.ipAddress,
    details: { assetTag: asset.assetTag, contentType: image.contentType, byteSize: image.byteSize, width: image.width, height: image.height },
  });
  return image;
}

/** Removes the image; returns false when the asset had none. */
export async function removeAssetImage(tx: Transaction, assetId: string, context: AssetContext): Promise<boolean> {
  assertCanManageAssets(context.actor);
  const asset = await findAsset(tx, context.actor, assetId);
  const removed = await tx.delete(assetImages).where(eq(assetImages.assetId, asset.id)).returning({ assetId: assetImages.assetId });
  if (removed.length === 0) return false;
  await recordAudit(tx, {
    actor: auditActorOf(context),
    action: 'asset.image_remove',
    target: { type: 'asset', id: asset.id },
    ipAddress: context.ipAddress,
    details: { assetTag: asset.assetTag },
  });
  return true;
}

/** The image of an asset the actor may see; null when it has none. */
export async function readAssetImage(executor: Executor, actor: SessionUser, assetId: string): Promise<StoredImage | null> {
  const asset = await findAsset(executor, actor, assetId);
  const [image] = await executor
    .select({ contentType: assetImages.contentType, bytes: assetImages.bytes, byteSize: assetImages.byteSize, updatedAt: assetImages.updatedAt })
    .from(assetImages)
    .where(eq(assetImages.assetId, asset.id))
    .limit(1);
  return image ?? null;
}

export type ImageInfo = { contentType: string; width: number; height: number; byteSize: number; updatedAt: Date };

/** The image's metadata without its bytes, for the asset page. */
export async function findAssetImageInfo(executor: Executor, actor: SessionUser, assetId: string): Promise<ImageInfo | null> {
  const asset = await findAsset(executor, actor, assetId);
  const [info] = await executor
    .select({ contentType: assetImages.contentType, width: assetImages.width, height: assetImages.height, byteSize: assetImages.byteSize, updatedAt: assetImages.updatedAt })
    .from(assetImages)
    .where(eq(assetImages.assetId, asset.id))
    .limit(1);
  return info ?? null;
}
