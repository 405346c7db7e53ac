import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/app/components/action-button';
import { requireRole } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { utcToday } from '@/lib/dashboard/expiry-windows';
import { getLicense, listSeatCandidates } from '@/lib/licenses/queries';
import { unassignSeatAction } from '../actions';
import { ExpiryBadge, SeatUse } from '../license-badges';
import { LicenseForm } from '../license-form';
import { ProductKey } from './reveal-key';
import { AssignSeatForm } from './seat-forms';

export const metadata: Metadata = { title: 'License' };

async function loadLicense(user: Parameters<typeof getLicense>[1], id: string) {
  const db = await getDb();
  try {
    const license = await getLicense(db, user, id);
    return { license, candidates: await listSeatCandidates(db, user, id) };
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export default async function LicensePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const current = await requireRole('agent', 'admin');
  const { id } = await params;
  const { created } = await searchParams;
  const { license, candidates } = await loadLicense(current.user, id);

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
        {license.seatList.length === 0 ? (
          <p className="empty">No seats assigned yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Holder</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Assigned</th>
                  <th scope="col">
                    <span className="muted">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {license.seatList.map((seat) => {
                  const holder = seat.user ? `${seat.user.displayName} (${seat.user.username})` : `${seat.asset?.assetTag} — ${seat.asset?.name}`;
                  return (
                    <tr key={seat.id}>
                      <td>{seat.asset ? <Link href={`/assets/${seat.asset.id}`}>{holder}</Link> : holder}</td>
                      <td>{seat.user ? 'User' : 'Asset'}</td>
                      <td>{formatDateTime(seat.assignedAt)}</td>
                      <td>
                        <ActionButton
                          action={unassignSeatAction}
                          fields={{ licenseId: license.id, seatId: seat.id }}
                          label="Unassign"
                          confirm={`Take the seat of ${holder} back?`}
                          variant="danger"
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
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
