import 'server-only';
import type { Actor } from '../actor';
import type { Transaction } from '../db/client';
import { assets, type AssetStatus } from '../db/schema-domain';
import { updateAtVersion } from '../db/versioned';
import { AppError, staleVersion } from '../errors';
import { parseInput } from '../validation';
import { assertCanManageAssets } from './access';
import { auditAsset } from './audit';
import { assetListFields } from '../catalog/kinds';
import { inListedSpelling } from '../catalog/spellings';
import { findAsset, type AssetSummary } from './queries';
import { assetChangesSchema, newAssetSchema, type AssetChangesInput, type NewAssetInput } from './schemas';
import { assertTagAndSerialFree, duplicateAssetError } from './uniqueness';

const deployedByCheckOut = 'An asset becomes deployed by checking it out.';

export async function createAsset(tx: Transaction, actor: Actor, input: NewAssetInput): Promise<AssetSummary> {
  assertCanManageAssets(actor);
  const parsed = parseInput(newAssetSchema, input);
  const data = await inListedSpelling(tx, assetListFields, { ...parsed, category: parsed.category ?? 'Other' });
  if (data.status === 'deployed')
    throw new AppError('validation_failed', deployedByCheckOut, { fields: { status: deployedByCheckOut } });
  await assertTagAndSerialFree(tx, { assetTag: data.assetTag, serial: data.serial });
  let id: string;
  try {
    [{ id }] = await tx
      .insert(assets)
      .values({ ...data, status: data.status ?? 'in_stock' })
      .returning({ id: assets.id });
  } catch (error) {
    throw duplicateAssetError(error) ?? error;
  }
  await auditAsset(tx, actor, 'asset.create', { id, assetTag: data.assetTag }, { name: data.name });
  return findAsset(tx, actor, id);
}

export type AssetUpdate = AssetChangesInput & { assetId: string };

/** Applies the fields present in `input`; `version` must be the one the editor read. */
export async function updateAsset(tx: Transaction, actor: Actor, input: AssetUpdate): Promise<AssetSummary> {
  assertCanManageAssets(actor);
  const { assetId, ...fields } = input;
  const { version, ...typed } = parseInput(assetChangesSchema, fields);
  const changes = await inListedSpelling(tx, assetListFields, typed);
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
    await updateAtVersion(tx, assets, asset, changed as Partial<typeof assets.$inferInsert>);
  } catch (error) {
    throw duplicateAssetError(error) ?? error;
  }
  // Named by its new tag when the tag is what changed.
  const renamed = { id: asset.id, assetTag: changed.assetTag ?? asset.assetTag };
  await auditAsset(tx, actor, 'asset.update', renamed, {
    changed: Object.keys(changed),
    changes: fromTo(asset, changed),
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

// The asset's history shows each edit as "field: before → after"; long notes are cut to keep rows small.
const auditedLength = 200;
const auditedValue = (value: unknown) =>
  typeof value === 'string' && value.length > auditedLength ? `${value.slice(0, auditedLength)}…` : (value ?? null);

function fromTo(asset: AssetSummary, changed: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(changed).map(([field, to]) => [
      field,
      { from: auditedValue(asset[field as keyof AssetSummary]), to: auditedValue(to) },
    ]),
  );
}
