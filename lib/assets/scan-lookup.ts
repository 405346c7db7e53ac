import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import { assets } from '../db/schema-domain';
import { AppError } from '../errors';
import { assertCanManageAssets, visibleAssetsCondition } from './access';
import { assetStatusLabels, needsCheckOutConfirmation } from './labels';
import { findAsset, type AssetSummary } from './queries';
import { codeToLookup } from './scan-codes';

const maxCodeLength = 500;

/** A code no asset can have: too long, or with control characters (which PostgreSQL's text refuses). */
const cannotBeACode = (text: string) => text.length > maxCodeLength || /[\u0000-\u001f\u007f]/.test(text);

/** The asset with this tag (any letter case) that the actor may see, or "not found". */
export async function findAssetByTag(executor: Executor, actor: Actor, tag: string): Promise<AssetSummary> {
  const text = tag.trim();
  const id = cannotBeACode(text)
    ? null
    : await idWhere(executor, actor, sql`lower(${assets.assetTag}) = ${text.toLowerCase()}`);
  if (!id) throw new AppError('not_found', 'No asset has this tag.');
  return findAsset(executor, actor, id);
}

/** A scanned or typed code: our label's short URL, an asset tag, or else a serial number. */
export async function findAssetByCode(executor: Executor, actor: Actor, code: string): Promise<AssetSummary> {
  // The Scan page's lookup is for staff; a requester opens their own asset from its label (/a/<tag>).
  assertCanManageAssets(actor);
  const text = code.trim();
  if (!text)
    throw new AppError('validation_failed', 'Scan or type a code.', { fields: { code: 'Scan or type a code.' } });
  const { tag, serial } = codeToLookup(text);
  // Checked after decoding too: a label address can carry %00.
  if (cannotBeACode(text) || cannotBeACode(tag))
    throw new AppError('not_found', 'That code is not an asset tag or serial number.');
  const byTag = await idWhere(executor, actor, sql`lower(${assets.assetTag}) = ${tag.toLowerCase()}`);
  const id =
    byTag ?? (serial ? await idWhere(executor, actor, sql`lower(${assets.serial}) = ${serial.toLowerCase()}`) : null);
  if (!id) throw new AppError('not_found', `No asset has the tag or serial number ${tag}.`);
  return findAsset(executor, actor, id);
}

async function idWhere(executor: Executor, actor: Actor, condition: SQL): Promise<string | null> {
  const [row] = await executor
    .select({ id: assets.id })
    .from(assets)
    .where(and(condition, visibleAssetsCondition(actor)))
    .limit(1);
  return row?.id ?? null;
}

/** Why this asset cannot join a quick check-out, or null when it can. */
export function quickCheckOutProblem(asset: Pick<AssetSummary, 'assetTag' | 'status' | 'assignedTo'>): string | null {
  if (asset.assignedTo) return `Already checked out to ${asset.assignedTo.displayName}.`;
  if (needsCheckOutConfirmation(asset.status))
    return `${assetStatusLabels[asset.status]}: check it out from its own page if you mean to.`;
  return null;
}
