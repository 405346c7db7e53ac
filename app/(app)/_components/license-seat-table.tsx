'use client';
import { Link } from '@/app/components/link';
import type { LicenseSeatUse } from '@/lib/dashboard/license-stats';

// A client component fed plain rows, for the reason the ticket list's table is one (tickets/ticket-table.tsx).

export function LicenseSeatTable({ rows }: { rows: LicenseSeatUse[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">License</th>
            <th scope="col">Used</th>
            <th scope="col">Free</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((license) => (
            <tr key={license.id}>
              <td>
                <Link href={`/licenses/${license.id}`}>{license.name}</Link>
              </td>
              <td>
                <meter min={0} max={license.seats} value={license.used} aria-label={`${license.used} of ${license.seats} seats used`} /> {license.used} / {license.seats}
              </td>
              <td>{Math.max(license.seats - license.used, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
