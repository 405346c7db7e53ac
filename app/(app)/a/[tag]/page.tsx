import { redirect } from 'next/navigation';
import { findAssetByTag } from '@/lib/assets/scan-lookup';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';

// The short address a label's QR code holds. Signed out, middleware sends the visitor to the login
// page with next=/a/<tag>, which brings them back here and on to the asset.
export default async function AssetByTagPage({ params }: { params: Promise<{ tag: string }> }) {
  const actor = await pageActor();
  const { tag } = await params;
  // Next.js hands the segment over still percent-encoded; the server has already answered 400 to
  // an escape that does not decode (server/broken-address.ts).
  const asset = await foundOrNotFound(findAssetByTag(await getDb(), actor, decodeURIComponent(tag)));
  redirect(`/assets/${asset.id}`);
}
