import type { Metadata } from 'next';
import { Banner } from '@/app/components/banner';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Fact, Facts } from '@/app/components/facts';
import { BackLink, Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { Time } from '@/app/components/time';
import { staffRoles } from '@/lib/actor';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { listLocationAudits } from '@/lib/location-audits/audits';
import { findLocation, listAssetsAt, listLocationChoices, type LocationAsset } from '@/lib/locations/queries';
import type { AssetStatus } from '@/lib/db/schema-domain';
import { AssetStatusBadge } from '../../assets/asset-badges';
import { MoveLocationForm, RemoveLocationButton, RenameLocationForm } from '../location-forms';

export const metadata: Metadata = { title: 'Location' };

const shownAssets = 500;

const notices: Record<string, string> = { renamed: 'Renamed.', moved: 'Moved.' };

export default async function LocationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await pageActor(staffRoles);
  const { id } = await params;
  const { notice } = await searchParams;
  const db = await getDb();
  const place = await foundOrNotFound(findLocation(db, actor, id));
  const [assets, choices, audits] = await Promise.all([
    listAssetsAt(db, actor, place.id, shownAssets + 1),
    listLocationChoices(db),
    listLocationAudits(db, actor, place.id),
  ]);
  const parent = choices.find((choice) => choice.id === place.parentId);
  const columns: Column<LocationAsset>[] = [
    {
      key: 'tag',
      header: 'Asset tag',
      rowHeader: true,
      cell: (asset) => <Link href={`/assets/${asset.id}`}>{asset.assetTag}</Link>,
    },
    { key: 'name', header: 'Name', cell: (asset) => asset.name },
    { key: 'status', header: 'Status', cell: (asset) => <AssetStatusBadge status={asset.status as AssetStatus} /> },
    {
      key: 'place',
      header: 'Place',
      priority: 'secondary',
      cell: (asset) => (asset.location === place.path ? 'Here' : asset.location?.slice(place.path.length + 3)),
    },
  ];
  return (
    <>
      <BackLink href="/locations">Locations</BackLink>
      <div className="toolbar">
        <h1>{place.path}</h1>
        <Link className="button" href={`/locations/${place.id}/audit`}>
          Audit this place
        </Link>
      </div>
      {notice && Object.hasOwn(notices, notice) ? <Banner param="notice">{notices[notice]}</Banner> : null}
      <Panel id="assets" title="Assets here and inside">
        <p>
          <Link href={`/assets?location=${place.id}`}>Open in the asset list</Link> to filter, sort or export them.
        </p>
        <DataTable
          columns={columns}
          rows={assets.slice(0, shownAssets)}
          rowKey={byId}
          caption={`Assets at ${place.path}`}
          hideCaption
          empty="No assets here."
        />
        {assets.length > shownAssets ? <p className="muted">Showing the first {shownAssets}.</p> : null}
      </Panel>
      <Panel id="audits" title="Audits">
        {audits.length === 0 ? (
          <p className="muted">Not audited yet.</p>
        ) : (
          <ul>
            {audits.map((audit) => (
              <li key={audit.id}>
                <Link href={`/locations/${place.id}/audits/${audit.id}`}>
                  <Time value={audit.at} />
                </Link>{' '}
                by {audit.auditorName}: {audit.found} found, {audit.missing} missing, {audit.unexpected} unexpected
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel id="manage" title="Change this place">
        <Facts>
          <Fact term="Inside">
            {parent ? <Link href={`/locations/${parent.id}`}>{parent.path}</Link> : 'Top level'}
          </Fact>
        </Facts>
        <RenameLocationForm place={place} />
        <MoveLocationForm place={place} parentId={place.parentId} choices={choices} />
        <RemoveLocationButton place={place} />
      </Panel>
    </>
  );
}
