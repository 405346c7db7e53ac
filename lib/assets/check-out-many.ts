import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Transaction } from '../db/client';
import { AppError, isAppError } from '../errors';
import { parseInput } from '../validation';
import { assertCanManageAssets } from './access';
import { checkOutAsset } from './assignments';
import { findAsset, type AssetSummary } from './queries';
import { quickCheckOutProblem } from './scan-lookup';

export const maxQuickCheckOut = 200;

export const checkOutManySchema = z.strictObject({
  userId: z.uuid('Choose a person.'),
  assetIds: z
    .array(z.uuid('Each item is an asset id.'))
    .min(1, 'Scan at least one asset.')
    .max(maxQuickCheckOut, `At most ${maxQuickCheckOut} assets at once.`)
    .refine((ids) => new Set(ids).size === ids.length, 'An asset is in the list twice.'),
});

export type CheckOutManyResult = {
  checkedOut: AssetSummary[];
  refused: { assetId: string; assetTag: string | null; reason: string }[];
};

/**
 * The scanned assets checked out to one person in one transaction. Each asset runs in a savepoint:
 * one that cannot go (taken meanwhile, in repair, unknown) is refused with its reason and the
 * others still go. A wrong person refuses the whole batch.
 */
export async function checkOutMany(tx: Transaction, actor: Actor, input: unknown): Promise<CheckOutManyResult> {
  assertCanManageAssets(actor);
  const { userId, assetIds } = parseInput(checkOutManySchema, input);
  const result: CheckOutManyResult = { checkedOut: [], refused: [] };
  for (const assetId of assetIds) {
    let assetTag: string | null = null;
    try {
      const done = await tx.transaction(async (savepoint) => {
        const asset = await findAsset(savepoint, actor, assetId);
        assetTag = asset.assetTag;
        const problem = quickCheckOutProblem(asset);
        if (problem) throw new AppError('conflict', problem);
        return checkOutAsset(savepoint, actor, { assetId, userId, version: asset.version });
      });
      result.checkedOut.push(done);
    } catch (error) {
      if (!isAppError(error) || error.code === 'validation_failed') throw error;
      result.refused.push({ assetId, assetTag, reason: error.message });
    }
  }
  return result;
}
