import 'server-only';
import { findAsset, type AssetSummary } from '@/lib/assets/queries';
import type { Actor } from '@/lib/actor';
import { foundOrNotFound } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';

/** The asset for the asset page and its edit page; "not found" is the page's 404. */
export async function loadAsset(actor: Actor, id: string): Promise<AssetSummary> {
  return foundOrNotFound(findAsset(await getDb(), actor, id));
}
