import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Transaction } from '../db/client';
import { assets, type AssetStatus } from '../db/schema-domain';
import { AppError, staleVersion } from '../errors';
import { parseInput } from '../validation';
import { assertCanManageAssets } from './access';
import { findAsset, type AssetSummary } from './queries';
import { assetChangesSchema, newAssetSchema, type AssetChangesInput, type NewAssetInput } from './schemas';
import { assertTagAndSerialFree, duplicateAssetError } from './uniqueness';

const deployedByCheckOut = 'An asset becomes deployed by checking it out.';

function auditTarget(id: string) {
  return { type: 'asset', id };
}

export async function createAsset(tx: Transaction, actor: Actor, input: NewAssetInput): Promise<AssetSummary> {
  assertCanManageAssets(actor);
  const data = parseInput(newAssetSchema, input);
  if (data.status === 'deployed')
    throw new AppError('validation_failed', deployedByCheckOut, { fields: { status: deployedByCheckOut } });
  await assertTagAndSerialFree(tx, { assetTag: data.assetTag, serial: data.serial });
  let id: string;
  try {
    [{ id }] = await tx
      .insert(assets)
      .values({ ...data, category: data.category ?? 'Other', status: data.status ?? 'in_stock' })
      .returning({ id: assets.id });
  } catch (error) {
    throw duplicateAssetError(error) ?? error;
  }
  await recordAudit(tx, actor, {
    action: 'asset.create',
    target: auditTarget(id),
    details: { assetTag: data.assetTag, name: data.name },
  });
  return findAsset(tx, actor, id);
}

export type AssetUpdate = AssetChangesInput & { assetId: string };

/** Applies the fields present in `input`; `version` must be the one the editor read. */
export async function updateAsset(tx: Transaction, actor: Actor, input: AssetUpdate): Promise<AssetSummary> {
  assertCanManageAssets(actor);
  const { assetId, ...fields } = input;
  const { version, ...changes } = parseInput(assetChangesSchema, fields);
  const asset = await findAsset(tx, actor, assetId);
  if (asset.version !== version) throw staleVersion();

  const changed = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => value !== undefined && value !== asset[key as keyof AssetSummary]),
  ) as Partial<typeof changes>;
  if (changed.category === null) changed.category = 'Other';
  if (changed.status === null) delete changed.status;
  if (changed.status) assertStatusChangeAllowed(asset, changed.status);
  if (Object.keys(changed).length === 0) return asset;

  await assertTagAndSerialFree(tx, { assetTag: changed.assetTag, serial: changed.serial }, asset.id);
  try {
    const updated = await tx
      .update(assets)
      .set({
        ...(changed as Partial<typeof assets.$inferInsert>),
        version: sql`${assets.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(assets.id, asset.id), eq(assets.version, version)))
      .returning({ id: assets.id });
    if (updated.length === 0) throw staleVersion();
  } catch (error) {
    throw duplicateAssetError(error) ?? error;
  }
  await recordAudit(tx, actor, {
    action: 'asset.update',
    target: auditTarget(asset.id),
    details: { assetTag: changed.assetTag ?? asset.assetTag, changed: Object.keys(changed) },
  });
  return findAsset(tx, actor, asset.id);
}

// "deployed" means "has a holder": only check-out and check-in move an asset in or out of it.
function assertStatusChangeAllowed(asset: AssetSummary, status: AssetStatus): void {
  if (status === 'deployed')
    throw new AppError('validation_failed', deployedByCheckOut, { fields: { status: deployedByCheckOut } });
  if (asset.assignedTo) {
    const message = `Checked out to ${asset.assignedTo.displayName}: check it in to change its status.`;
    throw new AppError('validation_failed', message, { fields: { status: message } });
  }
}
