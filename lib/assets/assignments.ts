import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { users } from '../db/schema';
import { assetAssignments, assets } from '../db/schema-domain';
import { updateAtVersion } from '../db/versioned';
import { AppError, staleVersion } from '../errors';
import { isUuid, parseInput } from '../validation';
import { assertCanManageAssets } from './access';
import { auditAsset } from './audit';
import { assetStatusLabels, needsCheckOutConfirmation } from './labels';
import { findAsset, type AssetSummary } from './queries';
import { checkInSchema, checkOutSchema, type CheckInData, type CheckOutData } from './schemas';

// Check-out and check-in lock the asset row first, so two agents checking the same asset out at
// the same moment queue up: the second sees the first's holder and gets a clear conflict. Read
// under that lock, the asset's version is the current one, so writing at it never conflicts.

export type CheckOut = CheckOutData & { assetId: string };
export type CheckIn = CheckInData & { assetId: string };

async function lockAsset(
  tx: Transaction,
  actor: Actor,
  assetId: string,
  expectedVersion?: number,
): Promise<AssetSummary> {
  assertCanManageAssets(actor);
  if (isUuid(assetId)) await tx.select({ id: assets.id }).from(assets).where(eq(assets.id, assetId)).for('update');
  const asset = await findAsset(tx, actor, assetId);
  if (expectedVersion !== undefined && asset.version !== expectedVersion) throw staleVersion();
  return asset;
}

export async function checkOutAsset(tx: Transaction, actor: Actor, input: CheckOut): Promise<AssetSummary> {
  const { assetId, ...fields } = input;
  const data = parseInput(checkOutSchema, fields);
  const asset = await lockAsset(tx, actor, assetId, data.version);
  if (asset.assignedTo) {
    throw new AppError(
      'conflict',
      `${asset.assetTag} is already checked out to ${asset.assignedTo.displayName}. Check it in first.`,
    );
  }
  assertAvailableOrConfirmed(asset, data.confirmUnavailable === true);
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
      checkedOutById: actor.id,
      expectedReturn: data.expectedReturn ?? null,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', `${asset.assetTag} was just checked out by someone else. Reload the page.`, {
        cause: error,
      });
    throw error;
  }
  await updateAtVersion(tx, assets, asset, {
    status: 'deployed',
    assignedToId: user.id,
    expectedReturn: data.expectedReturn ?? null,
  });
  await auditAsset(tx, actor, 'asset.checkout', asset, {
    userId: user.id,
    username: user.username,
    expectedReturn: data.expectedReturn ?? null,
    fromStatus: asset.status,
  });
  return findAsset(tx, actor, asset.id);
}

function assertAvailableOrConfirmed(asset: AssetSummary, confirmed: boolean): void {
  if (confirmed || !needsCheckOutConfirmation(asset.status)) return;
  throw new AppError(
    'conflict',
    `${asset.assetTag} is ${assetStatusLabels[asset.status]}. Confirm to check it out anyway (confirmUnavailable: true).`,
  );
}

export async function checkInAsset(tx: Transaction, actor: Actor, input: CheckIn): Promise<AssetSummary> {
  const { assetId, ...fields } = input;
  const data = parseInput(checkInSchema, fields);
  const asset = await lockAsset(tx, actor, assetId, data.version);
  if (!asset.assignedTo) throw new AppError('conflict', `${asset.assetTag} is not checked out.`);
  const status = data.status ?? 'in_stock';

  await tx
    .update(assetAssignments)
    .set({ checkedInAt: sql`now()`, checkedInById: actor.id, notes: data.notes ?? null })
    .where(and(eq(assetAssignments.assetId, asset.id), isNull(assetAssignments.checkedInAt)));
  await updateAtVersion(tx, assets, asset, { status, assignedToId: null, expectedReturn: null });
  await auditAsset(tx, actor, 'asset.checkin', asset, {
    userId: asset.assignedTo.id,
    username: asset.assignedTo.username,
    status,
    notes: data.notes ?? null,
  });
  return findAsset(tx, actor, asset.id);
}
