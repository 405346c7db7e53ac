'use client';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import type { LicenseSeatUse } from '@/lib/dashboard/license-stats';

// A client component fed plain rows, for the reason the ticket list's table is one (tickets/ticket-table.tsx).

/** The seats in use as a bar, then as "3 / 5". */
function SeatMeter({ used, seats }: { used: number; seats: number }) {
  return (
    <>
      <meter min={0} max={seats} value={used} aria-label={`${used} of ${seats} seats used`} /> {used} / {seats}
    </>
  );
}

const columns: Column<LicenseSeatUse>[] = [
  {
    key: 'license',
    header: 'License',
    cell: (license) => <Link href={`/licenses/${license.id}`}>{license.name}</Link>,
  },
  { key: 'used', header: 'Used', cell: (license) => <SeatMeter used={license.used} seats={license.seats} /> },
  { key: 'free', header: 'Free', cell: (license) => Math.max(license.seats - license.used, 0) },
];

export function LicenseSeatTable({ rows }: { rows: LicenseSeatUse[] }) {
  return <DataTable columns={columns} rows={rows} rowKey={byId} />;
}
