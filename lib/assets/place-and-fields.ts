import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Transaction } from '../db/client';
import { parseInput } from '../validation';
import { setAssetLocationSchema } from '../locations/schemas';
import { updateAsset } from './mutations';
import type { AssetSummary } from './queries';

// One change of one asset, for bulk changes (each item its own call, its own audit row): the same
// checks, stale-version refusal and audit as the asset form, through updateAsset.

/** Puts the asset at a place (null: no place). */
export async function setAssetLocation(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof setAssetLocationSchema>,
): Promise<AssetSummary> {
  const { assetId, locationId, version } = parseInput(setAssetLocationSchema, input);
  return updateAsset(tx, actor, { assetId, locationId: locationId ?? null, version });
}

export const setAssetCustomValueSchema = z.object({
  assetId: z.uuid('Unknown asset.'),
  /** The field's id or name. */
  field: z.string().min(1, 'Choose a field.'),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  version: z.coerce.number().int().positive(),
});

/** Sets one custom field of the asset (null or '' clears it), checked by the category's rules. */
export async function setAssetCustomValue(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof setAssetCustomValueSchema>,
): Promise<AssetSummary> {
  const { assetId, field, value, version } = parseInput(setAssetCustomValueSchema, input);
  return updateAsset(tx, actor, { assetId, customFields: { [field]: value }, version });
}
