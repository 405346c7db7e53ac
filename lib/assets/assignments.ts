import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import type { Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { users } from '../db/schema';
import { assetAssignments, assets } from '../db/schema-domain';
import { AppError } from '../errors';
import { assertCanManageAssets, auditActorOf, parseAssetInput, isUuid, type AssetContext } from './access';
import { staleAssetMessage } from './mutations';
import { findAsset, type AssetSummary } from './queries';
import { checkInSchema, checkOutSchema, type CheckInData, type CheckOutData } from './schemas';

// Check-out and check-in lock the asset row first, so two agents checking the same asset out at
// the same moment queue up: the second sees the first's holder and gets a clear conflict.

async function lockAsset(tx: Transaction, context: AssetContext, assetId: string, expectedVersion?: number): Promise<AssetSummary> {
  assertCanManageAssets(context.actor);
  if (isUuid(assetId)) await tx.select({ id: assets.id }).from(assets).where(eq(assets.id, assetId)).for('update');
  const asset = await findAsset(tx, context.actor, assetId);
  if (expectedVersion !== undefined && asset.version !== expectedVersion) throw new AppError('conflict', staleAssetMessage);
  return asset;
}

export async function checkOutAsset(tx: Transaction, assetId: string, input: CheckOutData, context: AssetContext): Promise<AssetSummary> {
  const data = parseAssetInput(checkOutSchema, input);
  const asset = await lockAsset(tx, context, assetId, data.version);
  if (asset.assignedTo) {
    throw new AppError('conflict', `${asset.assetTag} is already checked out to ${asset.assignedTo.displayName}. Check it in first.`);
  }
  if (asset.status === 'retired' || asset.status === 'lost') {
    throw new AppError('conflict', `${asset.assetTag} is ${asset.status}; set another status before checking it out.`);
  }
  const [user] = await tx
    .select({ id: users.id, username: users.username, active: users.active })
    .from(users)
    .where(eq(users.id, data.userId))
    .limit(1);
  if (!user || !user.active) {
    throw new AppError('validation_failed', 'Choose an active user.', { fields: { userId: 'Choose an active user.' } });
  }

  try {
    await tx.insert(assetAssignments).values({
      assetId: asset.id,
      userId: user.id,
      checkedOutById: context.actor.id,
      expectedReturn: data.expectedReturn ?? null,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `${asset.assetTag} was just checked out by someone else. Reload the page.`, { cause: error });
    throw error;
  }
  await tx
    .update(assets)
    .set({
      status: 'deployed',
      assignedToId: user.id,
      expectedReturn: data.expectedReturn ?? null,
      version: sql`${assets.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(assets.id, asset.id));
  await recordAudit(tx, {
    actor: auditActorOf(context),
    action: 'asset.checkout',
    target: { type: 'asset', id: asset.id },
    ipAddress: context.ipAddress,
    details: { assetTag: asset.assetTag, userId: user.id, username: user.username, expectedReturn: data.expectedReturn ?? null },
  });
  return findAsset(tx, context.actor, asset.id);
}

export async function checkInAsset(tx: Transaction, assetId: string, input: CheckInData, context: AssetContext): Promise<AssetSummary> {
  const data = parseAssetInput(checkInSchema, input);
  const asset = await lockAsset(tx, context, assetId, data.version);
  if (!asset.assignedTo) throw new AppError('conflict', `${asset.assetTag} is not checked out.`);
  const status = data.status ?? 'in_stock';

  await tx
    .update(assetAssignments)
    .set({ checkedInAt: sql`now()`, checkedInById: context.actor.id, notes: data.notes ?? null })
    .where(and(eq(assetAssignments.assetId, asset.id), isNull(assetAssignments.checkedInAt)));
  await tx
    .update(assets)
    .set({ status, assignedToId: null, expectedReturn: null, version: sql`${assets.version} + 1`, updatedAt: sql`now()` })
    .where(eq(assets.id, asset.id));
  await recordAudit(tx, {
    actor: auditActorOf(context),
    action: 'asset.checkin',
    target: { type: 'asset', id: asset.id },
    ipAddress: context.ipAddress,
    details: { assetTag: asset.assetTag, userId: asset.assignedTo.id, username: asset.assignedTo.username, status },
  });
  return findAsset(tx, context.actor, asset.id);
}
