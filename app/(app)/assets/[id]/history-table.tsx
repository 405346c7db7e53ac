import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import type { AssetHistory, AssetHistoryEntry, FieldChange } from '@/lib/assets/history';
import { formatDateTime } from '@/lib/format';

const valueOf = (value: string | null) => value ?? '(empty)';

function Change({ change }: { change: FieldChange }) {
  // Rows written before edits recorded their before and after name only the field.
  if (change.from === null && change.to === null) return <li>{change.field}</li>;
  return (
    <li>
      {change.field}: {valueOf(change.from)} → {valueOf(change.to)}
    </li>
  );
}

const columns: Column<AssetHistoryEntry>[] = [
  { key: 'when', header: 'When', cell: (entry) => formatDateTime(entry.at) },
  { key: 'who', header: 'Who', cell: (entry) => entry.by },
  {
    key: 'what',
    header: 'What',
    cell: (entry) => (
      <>
        <strong>{entry.event}</strong>
        {entry.summary ? ` ${entry.summary}` : null}
        {entry.changes.length > 0 ? (
          <ul>
            {entry.changes.map((change) => (
              <Change key={change.field} change={change} />
            ))}
          </ul>
        ) : null}
      </>
    ),
  },
];

/** The asset's events, newest first; a link shows all of them when only the latest are listed. */
export function AssetHistoryTable({ history, allHref }: { history: AssetHistory; allHref: string }) {
  const more = history.total - history.entries.length;
  return (
    <>
      <DataTable columns={columns} rows={history.entries} rowKey={byId} empty="Nothing has happened to it yet." />
      {more > 0 ? (
        <p>
          Showing the latest {history.entries.length} of {history.total}. <Link href={allHref}>Show all</Link>
        </p>
      ) : null}
    </>
  );
}
