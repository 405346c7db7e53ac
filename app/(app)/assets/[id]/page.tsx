import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/app/components/action-button';
import { DataTable, type Column } from '@/app/components/data-table';
import { canManageAssets } from '@/lib/assets/access';
import { listAssetHistory, listAssetTickets, type LinkedTicket } from '@/lib/assets/history';
import { describeBytes } from '@/lib/assets/image-validation';
import { findAssetImageInfo } from '@/lib/assets/images';
import { findAsset, listAssignableUsers, type AssetSummary } from '@/lib/assets/queries';
import { todayIsoDate } from '@/lib/assets/schemas';
import type { Actor } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { removeImageAction, updateAssetAction } from '../actions';
import { AssetForm } from '../asset-form';
import { AssetStatusBadge } from '../asset-badges';
import { AssetHistoryTable } from './history-table';
import { CheckInForm, CheckOutForm } from './assignment-forms';
import { ImageUpload } from './image-upload';

export const metadata: Metadata = { title: 'Asset' };

async function loadAsset(actor: Actor, id: string): Promise<AssetSummary> {
  try {
    return await findAsset(await getDb(), actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

// Shown after an action redirected back here (see ../actions.ts).
const notices = {
  created: (asset: AssetSummary) => `Asset ${asset.assetTag} created.`,
  saved: (asset: AssetSummary) => `${asset.assetTag} saved.`,
  'checked-out': (asset: AssetSummary) =>
    `${asset.assetTag} checked out${asset.assignedTo ? ` to ${asset.assignedTo.displayName}` : ''}.`,
  'checked-in': (asset: AssetSummary) => `${asset.assetTag} checked in.`,
};

const formValuesOf = (asset: AssetSummary): Record<string, string> => ({
  assetTag: asset.assetTag,
  name: asset.name,
  category: asset.category,
  manufacturer: asset.manufacturer ?? '',
  model: asset.model ?? '',
  serial: asset.serial ?? '',
  status: asset.status,
  location: asset.location ?? '',
  purchaseDate: asset.purchaseDate ?? '',
  purchaseCost: asset.purchaseCost ?? '',
  warrantyEnd: asset.warrantyEnd ?? '',
  notes: asset.notes ?? '',
});

const ticketColumns: Column<LinkedTicket>[] = [
  { key: 'ticket', header: 'Ticket', cell: (ticket) => <Link href={`/tickets/${ticket.id}`}>T-{ticket.number}</Link> },
  { key: 'title', header: 'Title', cell: (ticket) => ticket.title },
  { key: 'status', header: 'Status', cell: (ticket) => ticket.status },
];

export default async function AssetPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await pageActor();
  const { id } = await params;
  const { notice } = await searchParams;
  const asset = await loadAsset(actor, id);
  const db = await getDb();
  const staff = canManageAssets(actor);
  const [history, tickets, image, people] = await Promise.all([
    listAssetHistory(db, actor, asset.id),
    listAssetTickets(db, actor, asset.id),
    findAssetImageInfo(db, actor, asset.id),
    staff && !asset.assignedTo ? listAssignableUsers(db) : Promise.resolve([]),
  ]);
  const { basePath, images } = getConfig();
  const imageUrl = `${basePath}/api/assets/${asset.id}/image`;

  return (
    <>
      <p>
        <Link href="/assets">← {staff ? 'Assets' : 'My assets'}</Link>
      </p>
      <h1>
        {asset.assetTag} <span className="muted">{asset.name}</span>
      </h1>
      {notice && Object.hasOwn(notices, notice) ? (
        <p className="notice success" role="status">
          {notices[notice as keyof typeof notices](asset)}
        </p>
      ) : null}
      <div className="grid-2">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <AssetStatusBadge status={asset.status} />
            </dd>
            <dt>Checked out to</dt>
            <dd>
              {asset.assignedTo ? `${asset.assignedTo.displayName} (${asset.assignedTo.username})` : 'No one'}
              {asset.expectedReturn ? `, expected back ${asset.expectedReturn}` : ''}
            </dd>
            <dt>Category</dt>
            <dd>{asset.category}</dd>
            <dt>Manufacturer / model</dt>
            <dd>{[asset.manufacturer, asset.model].filter(Boolean).join(' ') || '—'}</dd>
            <dt>Serial</dt>
            <dd>{asset.serial ?? '—'}</dd>
            <dt>Location</dt>
            <dd>{asset.location ?? '—'}</dd>
            <dt>Purchased</dt>
            <dd>
              {[asset.purchaseDate, asset.purchaseCost ? `for ${asset.purchaseCost}` : null]
                .filter(Boolean)
                .join(' ') || '—'}
            </dd>
            <dt>Warranty end</dt>
            <dd>{asset.warrantyEnd ?? '—'}</dd>
            <dt>Notes</dt>
            <dd>{asset.notes ?? '—'}</dd>
            <dt>Last updated</dt>
            <dd>{formatDateTime(asset.updatedAt)}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="image-title">
          <h2 id="image-title">Image</h2>
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
        </section>
      </div>
      {staff ? (
        <div className="grid-2">
          <section className="panel" aria-labelledby="assignment-title">
            <h2 id="assignment-title">{asset.assignedTo ? 'Check in' : 'Check out'}</h2>
            {asset.assignedTo ? (
              <CheckInForm assetId={asset.id} version={asset.version} holder={asset.assignedTo.displayName} />
            ) : asset.status === 'retired' || asset.status === 'lost' ? (
              <p className="muted">This asset is {asset.status}; change its status to check it out.</p>
            ) : (
              <CheckOutForm assetId={asset.id} version={asset.version} users={people} today={todayIsoDate()} />
            )}
          </section>
          <section className="panel" aria-labelledby="edit-title">
            <h2 id="edit-title">Edit</h2>
            <AssetForm
              key={asset.version}
              action={updateAssetAction}
              initial={formValuesOf(asset)}
              hidden={{ assetId: asset.id, version: String(asset.version) }}
              submitLabel="Save changes"
              statusLocked={Boolean(asset.assignedTo)}
            />
          </section>
        </div>
      ) : null}
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <AssetHistoryTable history={history} />
      </section>
      <section className="panel" aria-labelledby="tickets-title">
        <h2 id="tickets-title">Tickets</h2>
        <DataTable
          columns={ticketColumns}
          rows={tickets}
          rowKey={(ticket) => ticket.id}
          empty="No tickets are linked to this asset."
        />
      </section>
    </>
  );
}
