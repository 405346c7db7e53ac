import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/app/components/action-button';
import { DataTable, type Column } from '@/app/components/data-table';
import { staffRoles, type Actor } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { utcToday } from '@/lib/dashboard/expiry-windows';
import { getLicense, listSeatCandidates, type LicenseSeat } from '@/lib/licenses/queries';
import { unassignSeatAction } from '../actions';
import { ExpiryBadge, SeatUse } from '../license-badges';
import { LicenseForm } from '../license-form';
import { ProductKey } from './reveal-key';
import { AssignSeatForm } from './seat-forms';

export const metadata: Metadata = { title: 'License' };

async function loadLicense(actor: Actor, id: string) {
  const db = await getDb();
  try {
    const license = await getLicense(db, actor, id);
    return { license, candidates: await listSeatCandidates(db, actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
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
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageActor(staffRoles);
  const { id } = await params;
  const { created } = await searchParams;
  const { license, candidates } = await loadLicense(actor, id);

  return (
    <>
      <p>
        <Link href="/licenses">← Licenses</Link>
      </p>
      <h1>{license.name}</h1>
      {created ? (
        <p className="notice success" role="status">
          License created.
        </p>
      ) : null}
      <div className="grid-2">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl className="facts">
            <dt>Vendor</dt>
            <dd>{license.vendor ?? '—'}</dd>
            <dt>Seats</dt>
            <dd>
              <SeatUse used={license.used} seats={license.seats} /> ({license.free} free)
            </dd>
            <dt>Expires</dt>
            <dd>
              <ExpiryBadge expiresAt={license.expiresAt} today={utcToday()} />
            </dd>
            <dt>Product key</dt>
            <dd>
              <ProductKey licenseId={license.id} masked={license.productKeyMasked} />
            </dd>
            <dt>Notes</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{license.notes ?? '—'}</dd>
            <dt>Updated</dt>
            <dd>{formatDateTime(license.updatedAt)}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="assign-title">
          <h2 id="assign-title">Assign a seat</h2>
          <AssignSeatForm licenseId={license.id} candidates={candidates} free={license.free} />
        </section>
      </div>
      <section className="panel" aria-labelledby="seats-title">
        <h2 id="seats-title">
          Seats ({license.used} of {license.seats} used)
        </h2>
        <DataTable
          columns={seatColumns(license.id)}
          rows={license.seatList}
          rowKey={(seat) => seat.id}
          empty="No seats assigned yet."
        />
      </section>
      <section className="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">Edit</h2>
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
      </section>
    </>
  );
}
