import { byId, DataTable, type Column } from '@/app/components/data-table';
import type { AssignmentEntry, PersonRef } from '@/lib/assets/history';
import { formatDateTime } from '@/lib/format';

const nameOf = (person: PersonRef) => (person ? person.displayName : 'a removed user');

const columns: Column<AssignmentEntry>[] = [
  { key: 'user', header: 'Checked out to', cell: (entry) => nameOf(entry.user) },
  { key: 'checked-out', header: 'Checked out', cell: (entry) => formatDateTime(entry.checkedOutAt) },
  { key: 'checked-out-by', header: 'By', cell: (entry) => nameOf(entry.checkedOutBy) },
  { key: 'expected-return', header: 'Expected return', cell: (entry) => entry.expectedReturn ?? '—' },
  {
    key: 'returned',
    header: 'Returned',
    cell: (entry) =>
      entry.checkedInAt ? formatDateTime(entry.checkedInAt) : <span className="badge blue">Still out</span>,
  },
  {
    key: 'checked-in-by',
    header: 'Checked in by',
    cell: (entry) => (entry.checkedInAt ? nameOf(entry.checkedInBy) : '—'),
  },
  { key: 'notes', header: 'Notes', cell: (entry) => entry.notes ?? '—' },
];

export function AssetHistoryTable({ history }: { history: AssignmentEntry[] }) {
  return <DataTable columns={columns} rows={history} rowKey={byId} empty="Never checked out." />;
}
