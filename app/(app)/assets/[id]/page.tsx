import type { Metadata } from 'next';
import { BackLink, Link } from '@/app/components/link';
import { ActionButton } from '@/app/components/action-button';
import { Banner } from '@/app/components/banner';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Panel } from '@/app/components/panel';
import { Fact, Facts } from '@/app/components/facts';
import { canManageAssets } from '@/lib/assets/access';
import { listAssetHistory, listAssetTickets, type LinkedTicket } from '@/lib/assets/history';
import { describeBytes } from '@/lib/assets/image-validation';
import { findAssetImageInfo } from '@/lib/assets/images';
import type { AssetSummary } from '@/lib/assets/queries';
import { todayIsoDate } from '@/lib/format';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { formatDateTime, formatMoney } from '@/lib/format';
import { removeImageAction } from '../actions';
import { AssetStatusBadge } from '../asset-badges';
import { AssetHistoryTable } from './history-table';
import { CheckInForm, CheckOutForm } from './assignment-forms';
import { ImageUpload } from './image-upload';
import { PrintLabelForm } from './print-label';
import { loadAsset } from './load-asset';
import { PlaceAndFieldFacts } from './place-facts';
import { findLastSeen } from '@/lib/location-audits/audits';

export const metadata: Metadata = { title: 'Asset' };

// Shown after an action redirected back here (see ../actions.ts).
const notices = {
  created: (asset: AssetSummary) => `Asset ${asset.assetTag} created.`,
  saved: (asset: AssetSummary) => `${asset.assetTag} saved.`,
  'checked-out': (asset: AssetSummary) =>
    `${asset.assetTag} checked out${asset.assignedTo ? ` to ${asset.assignedTo.displayName}` : ''}.`,
  'checked-in': (asset: AssetSummary) => `${asset.assetTag} checked in.`,
};

const ticketColumns: Column<LinkedTicket>[] = [
  {
    key: 'ticket',
    header: 'Ticket',
    cell: (ticket) => <Link href={`/tickets/${ticket.id}`}>T-{ticket.number}</Link>,
  },
  { key: 'title', header: 'Title', cell: (ticket) => ticket.title },
  { key: 'status', header: 'Status', cell: (ticket) => ticket.status },
];

export default async function AssetPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string; history?: string }>;
}) {
  const actor = await pageActor();
  const { id } = await params;
  const { notice, history: historyShown } = await searchParams;
  const asset = await loadAsset(actor, id);
  const db = await getDb();
  const staff = canManageAssets(actor);
  const [history, tickets, image, lastSeen] = await Promise.all([
    listAssetHistory(db, actor, asset.id, { all: historyShown === 'all' }),
    listAssetTickets(db, actor, asset.id),
    findAssetImageInfo(db, actor, asset.id),
    findLastSeen(db, actor, asset.id),
  ]);
  const { basePath, images, currency } = getConfig();
  const imageUrl = `${basePath}/api/assets/${asset.id}/image`;

  return (
    <>
      <BackLink href="/assets">{staff ? 'Assets' : 'My assets'}</BackLink>
      <div className="toolbar">
        <h1>
          {asset.assetTag} <span className="muted">{asset.name}</span>
        </h1>
        {staff ? (
          <Link className="button" href={`/assets/${asset.id}/edit`}>
            Edit
          </Link>
        ) : null}
      </div>
      {notice && Object.hasOwn(notices, notice) ? (
        <Banner param="notice">{notices[notice as keyof typeof notices](asset)}</Banner>
      ) : null}
      <div className="grid-2">
        <Panel id="details" title="Details">
          <Facts>
            <Fact term="Status">
              <AssetStatusBadge status={asset.status} />
            </Fact>
            <Fact term="Checked out to">
              {asset.assignedTo ? `${asset.assignedTo.displayName} (${asset.assignedTo.username})` : 'No one'}
              {asset.expectedReturn ? `, expected back ${asset.expectedReturn}` : ''}
            </Fact>
            <Fact term="Category">{asset.category}</Fact>
            <Fact term="Manufacturer / model">
              {[asset.manufacturer, asset.model].filter(Boolean).join(' ') || '—'}
            </Fact>
            <Fact term="Serial">{asset.serial ?? '—'}</Fact>
            <PlaceAndFieldFacts asset={asset} lastSeen={lastSeen} staff={staff} />
            <Fact term="Purchased">
              {[asset.purchaseDate, asset.purchaseCost ? `for ${formatMoney(asset.purchaseCost, currency)}` : null]
                .filter(Boolean)
                .join(' ') || '—'}
            </Fact>
            <Fact term="Warranty end">{asset.warrantyEnd ?? '—'}</Fact>
            <Fact term="Notes">{asset.notes ?? '—'}</Fact>
            <Fact term="Last updated">{formatDateTime(asset.updatedAt)}</Fact>
          </Facts>
        </Panel>
        <Panel id="image" title="Image">
          {image ? (
            // eslint-disable-next-line @next/next/no-img-element -- served by our own authenticated route, not optimisable
            <img
              src={`${imageUrl}?v=${image.updatedAt.getTime()}`}
              alt={`Photo of ${asset.assetTag} ${asset.name}`}
              width={image.width}
              height={image.height}
              style={{ maxWidth: '100%', height: 'auto' }}
            />
          ) : (
            <p className="empty">No image.</p>
          )}
          {staff ? <ImageUpload uploadUrl={imageUrl} maxLabel={describeBytes(images.maxBytes)} /> : null}
          {staff && image ? (
            <ActionButton
              action={removeImageAction}
              fields={{ assetId: asset.id }}
              label="Remove image"
              confirm="Remove this asset's image?"
              variant="danger"
            />
          ) : null}
        </Panel>
      </div>
      {staff ? (
        <Panel id="assignment" title={asset.assignedTo ? 'Check in' : 'Check out'}>
          {asset.assignedTo ? (
            <CheckInForm
              assetId={asset.id}
              assetTag={asset.assetTag}
              version={asset.version}
              holder={asset.assignedTo.displayName}
            />
          ) : (
            <CheckOutForm
              assetId={asset.id}
              assetTag={asset.assetTag}
              version={asset.version}
              status={asset.status}
              today={todayIsoDate()}
            />
          )}
        </Panel>
      ) : null}
      {staff ? (
        <Panel id="label" title="Label">
          <PrintLabelForm assetId={asset.id} />
        </Panel>
      ) : null}
      <Panel id="history" title="History">
        <AssetHistoryTable history={history} allHref={`/assets/${asset.id}?history=all#history-title`} />
      </Panel>
      <Panel id="tickets" title="Tickets">
        <DataTable columns={ticketColumns} rows={tickets} rowKey={byId} empty="No tickets are linked to this asset." />
      </Panel>
    </>
  );
}
