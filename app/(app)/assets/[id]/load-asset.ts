import 'server-only';
import { notFound } from 'next/navigation';
import { findAsset, type AssetSummary } from '@/lib/assets/queries';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';

/** The asset for the asset page and its edit page; "not found" is the page's 404. */
export async function loadAsset(actor: Actor, id: string): Promise<AssetSummary> {
  try {
    return await findAsset(await getDb(), actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}
