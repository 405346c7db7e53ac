import { notFound, redirect } from 'next/navigation';
import { findAssetByTag } from '@/lib/assets/scan-lookup';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';

// The short address a label's QR code holds. Signed out, middleware sends the visitor to the login
// page with next=/a/<tag>, which brings them back here and on to the asset.
export default async function AssetByTagPage({ params }: { params: Promise<{ tag: string }> }) {
  const actor = await pageActor();
  const { tag } = await params;
  let assetId: string;
  try {
    assetId = (await findAssetByTag(await getDb(), actor, decodedTag(tag))).id;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  redirect(`/assets/${assetId}`);
}

/** Next.js hands the segment over still percent-encoded in some versions; a stray "%" stays as it is. */
function decodedTag(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
