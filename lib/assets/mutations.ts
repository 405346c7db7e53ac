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
import { listAllCustomFields } from '../custom-fields/definitions';
import { resolveCustomValues } from '../custom-fields/values';
import { formatCustomValue, type StoredValues } from '../custom-fields/values-schema';
import { placeFromInput } from './place-input';

const deployedByCheckOut = 'An asset becomes deployed by checking it out.';

export async function createAsset(tx: Transaction, actor: Actor, input: NewAssetInput): Promise<AssetSummary> {
  assertCanManageAssets(actor);
  const { locationId, location, customFields: given, ...parsed } = parseInput(newAssetSchema, input);
  const data = await inListedSpelling(tx, assetListFields, { ...parsed, category: parsed.category ?? 'Other' });
  const place = (await placeFromInput(tx, { locationId, location })) ?? null;
  const customValues = await resolveCustomValues(tx, data.category, {}, given);
  if (data.status === 'deployed')
    throw new AppError('validation_failed', deployedByCheckOut, { fields: { status: deployedByCheckOut } });
  await assertTagAndSerialFree(tx, { assetTag: data.assetTag, serial: data.serial });
  let id: string;
  try {
    [{ id }] = await tx
      .insert(assets)
      .values({
        ...data,
        status: data.status ?? 'in_stock',
        locationId: place?.id ?? null,
        location: place?.path ?? null,
        customValues,
      })
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
  const { version, locationId, location, customFields: given, ...typed } = parseInput(assetChangesSchema, fields);
  const changes = await inListedSpelling(tx, assetListFields, typed);
  const asset = await findAsset(tx, actor, assetId);
  if (asset.version !== version) throw staleVersion();

  const changed: Record<string, unknown> = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => value !== undefined && value !== asset[key as keyof AssetSummary]),
  );
  if (changed.category === null) changed.category = 'Other';
  if (changed.status === null) delete changed.status;
  if (changed.status) assertStatusChangeAllowed(asset, changed.status as AssetStatus);
  const place = await placeFromInput(tx, { locationId, location });
  if (place !== undefined && (place?.id ?? null) !== asset.locationId) {
    changed.location = place?.path ?? null;
    changed.locationId = place?.id ?? null;
  }
  const customChanges = await changedCustomValues(tx, asset, (changed.category as string) ?? asset.category, given);
  if (customChanges) changed.customValues = customChanges.values;
  if (Object.keys(changed).length === 0) return asset;

  await assertTagAndSerialFree(
    tx,
    { assetTag: changed.assetTag as string | undefined, serial: changed.serial as string | null | undefined },
    asset.id,
  );
  try {
    await updateAtVersion(tx, assets, asset, changed as Partial<typeof assets.$inferInsert>);
  } catch (error) {
    throw duplicateAssetError(error) ?? error;
  }
  // Named by its new tag when the tag is what changed.
  const renamed = { id: asset.id, assetTag: (changed.assetTag as string | undefined) ?? asset.assetTag };
  const { locationId: _placeId, customValues: _values, ...plain } = changed;
  await auditAsset(tx, actor, 'asset.update', renamed, {
    changed: Object.keys(plain).concat(customChanges ? Object.keys(customChanges.fromTo) : []),
    changes: { ...fromTo(asset, plain), ...customChanges?.fromTo },
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

/**
 * The asset's custom values after this edit, when they change: checked when values are given or
 * the category changes (a new category keeps only its own fields' values). The audit names each
 * changed field, with its old and new value.
 */
async function changedCustomValues(
  tx: Transaction,
  asset: AssetSummary,
  category: string,
  given: Record<string, unknown> | undefined,
): Promise<{ values: StoredValues; fromTo: Record<string, { from: unknown; to: unknown }> } | null> {
  if (given === undefined && category === asset.category) return null;
  const values = await resolveCustomValues(tx, category, asset.customValues, given);
  const ids = new Set([...Object.keys(values), ...Object.keys(asset.customValues)]);
  const differing = [...ids].filter((id) => values[id] !== asset.customValues[id]);
  if (differing.length === 0) return null;
  const fields = new Map((await listAllCustomFields(tx)).map((field) => [field.id, field]));
  const nameOf = (id: string) => fields.get(id)?.name ?? id;
  // Two categories may each have a "RAM GB": a change of category names both, by their category.
  const names = differing.map(nameOf);
  const shared = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  const labelOf = (id: string) => (shared.has(nameOf(id)) ? `${nameOf(id)} (${fields.get(id)?.category})` : nameOf(id));
  const fromTo = Object.fromEntries(
    differing.map((id) => [
      labelOf(id),
      { from: formatCustomValue(asset.customValues[id]) || null, to: formatCustomValue(values[id]) || null },
    ]),
  );
  return { values, fromTo };
}
