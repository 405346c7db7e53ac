import { Banner } from '@/app/components/banner';
import type { Metadata } from 'next';
import { BackLink, Link } from '@/app/components/link';
import { ActionButton } from '@/app/components/action-button';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Panel } from '@/app/components/panel';
import { Fact, Facts } from '@/app/components/facts';
import { staffRoles, type Actor } from '@/lib/actor';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { utcToday } from '@/lib/dashboard/expiry-windows';
import { getLicense, type LicenseSeat } from '@/lib/licenses/queries';
import { unassignSeatAction } from '../actions';
import { ExpiryBadge, SeatUse } from '../license-badges';
import { LicenseForm } from '../license-form';
import { ProductKey } from './reveal-key';
import { AssignSeatForm } from './seat-forms';
import type { SearchParams } from '../../_components/list-query';

export const metadata: Metadata = { title: 'License' };

async function loadLicense(actor: Actor, id: string) {
  return foundOrNotFound(getLicense(await getDb(), actor, id));
}

const holderOf = (seat: LicenseSeat) =>
  seat.user ? `${seat.user.displayName} (${seat.user.username})` : `${seat.asset?.assetTag} — ${seat.asset?.name}`;

function seatColumns(licenseId: string): Column<LicenseSeat>[] {
  return [
    {
      key: 'holder',
      header: 'Holder',
      cell: (seat) => (seat.asset ? <Link href={`/assets/${seat.asset.id}`}>{holderOf(seat)}</Link> : holderOf(seat)),
    },
    { key: 'kind', header: 'Kind', cell: (seat) => (seat.user ? 'User' : 'Asset') },
    { key: 'assigned', header: 'Assigned', cell: (seat) => formatDateTime(seat.assignedAt) },
    {
      key: 'action',
      header: <span className="muted">Action</span>,
      cell: (seat) => (
        <ActionButton
          action={unassignSeatAction}
          fields={{ licenseId, seatId: seat.id }}
          label="Unassign"
          confirm={`Take the seat of ${holderOf(seat)} back?`}
          variant="danger"
        />
      ),
    },
  ];
}

export default async function LicensePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await pageActor(staffRoles);
  const { id } = await params;
  const { created } = await searchParams;
  const license = await loadLicense(actor, id);

  return (
    <>
      <BackLink href="/licenses">Licenses</BackLink>
      <h1>{license.name}</h1>
      {created ? <Banner param="created">License created.</Banner> : null}
      <div className="grid-2">
        <Panel id="details" title="Details">
          <Facts>
            <Fact term="Vendor">{license.vendor ?? '—'}</Fact>
            <Fact term="Seats">
              <SeatUse used={license.used} seats={license.seats} /> ({license.free} free)
            </Fact>
            <Fact term="Expires">
              <ExpiryBadge expiresAt={license.expiresAt} today={utcToday()} />
            </Fact>
            <Fact term="Product key">
              <ProductKey licenseId={license.id} masked={license.productKeyMasked} />
            </Fact>
            <Fact term="Notes" style={{ whiteSpace: 'pre-wrap' }}>
              {license.notes ?? '—'}
            </Fact>
            <Fact term="Updated">{formatDateTime(license.updatedAt)}</Fact>
          </Facts>
        </Panel>
        <Panel id="assign" title="Assign a seat">
          <AssignSeatForm licenseId={license.id} seats={license.seats} free={license.free} />
        </Panel>
      </div>
      <Panel id="seats" title={`Seats (${license.used} of ${license.seats} used)`}>
        <DataTable
          columns={seatColumns(license.id)}
          rows={license.seatList}
          rowKey={byId}
          empty="No seats assigned yet."
        />
      </Panel>
      <Panel id="edit" title="Edit">
        <LicenseForm
          license={{
            id: license.id,
            version: license.version,
            name: license.name,
            vendor: license.vendor,
            seats: license.seats,
            expiresAt: license.expiresAt,
            notes: license.notes,
            used: license.used,
          }}
        />
      </Panel>
    </>
  );
}
