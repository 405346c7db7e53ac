import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { staffRoles } from '@/lib/actor';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { maxScannedTags } from '@/lib/location-audits/audits';
import { findLocation, listAssetsAt } from '@/lib/locations/queries';
import { AuditScanner } from './audit-scanner';

export const metadata: Metadata = { title: 'Audit a place' };

export default async function AuditPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor(staffRoles);
  const { id } = await params;
  const db = await getDb();
  const place = await foundOrNotFound(findLocation(db, actor, id));
  const expected = await listAssetsAt(db, actor, place.id, maxScannedTags);
  return (
    <>
      <BackLink href={`/locations/${place.id}`}>{place.path}</BackLink>
      <h1>Audit {place.path}</h1>
      <AuditScanner
        locationId={place.id}
        expected={expected.map((asset) => ({ assetTag: asset.assetTag, name: asset.name }))}
      />
    </>
  );
}
