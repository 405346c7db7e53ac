'use client';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import type { LicenseSeatUse } from '@/lib/dashboard/license-stats';

// A client component fed plain rows, for the reason the ticket list's table is one (tickets/ticket-table.tsx).

const columns: Column<LicenseSeatUse>[] = [
  {
    key: 'license',
    header: 'License',
    cell: (license) => <Link href={`/licenses/${license.id}`}>{license.name}</Link>,
  },
  {
    key: 'used',
    header: 'Used',
    cell: (license) => (
      <>
        <meter
          min={0}
          max={license.seats}
          value={license.used}
          aria-label={`${license.used} of ${license.seats} seats used`}
        />{' '}
        {license.used} / {license.seats}
      </>
    ),
  },
  { key: 'free', header: 'Free', cell: (license) => Math.max(license.seats - license.used, 0) },
];

export function LicenseSeatTable({ rows }: { rows: LicenseSeatUse[] }) {
  return <DataTable columns={columns} rows={rows} rowKey={byId} />;
}
