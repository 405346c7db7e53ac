import type { Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { describeKind, type AuditTarget } from '@/lib/audit/describe-audit';
import type { AuditEntryView } from '@/lib/audit/queries';
import { formatDateTime } from '@/lib/format';

// Where each kind of record has its page; the others (sessions, jobs) are named in plain text.
const recordPaths: Readonly<Record<string, string>> = {
  ticket: '/tickets/',
  asset: '/assets/',
  license: '/licenses/',
  user: '/admin/users/',
};

function Target({ target }: { target: AuditTarget | null }) {
  if (!target) return <span className="muted">—</span>;
  const path = recordPaths[target.kind];
  const kind = describeKind(target.kind);
  if (!path) return <>{target.label}</>;
  return (
    <>
      {kind} {target.id ? <Link href={`${path}${encodeURIComponent(target.id)}`}>{target.label}</Link> : target.label}
    </>
  );
}

function Person({ actor }: { actor: AuditEntryView['actor'] }) {
  if (!actor) return <span className="muted">System</span>;
  if (!actor.id) return <>{actor.name}</>;
  return <Link href={`/admin/users/${encodeURIComponent(actor.id)}`}>{actor.name}</Link>;
}

export const auditColumns: Column<AuditEntryView>[] = [
  { key: 'time', header: 'Time', cell: (entry) => formatDateTime(entry.at) },
  { key: 'person', header: 'Who', cell: (entry) => <Person actor={entry.actor} /> },
  { key: 'action', header: 'Action', cell: (entry) => entry.actionWords },
  { key: 'target', header: 'About', cell: (entry) => <Target target={entry.target} /> },
  { key: 'summary', header: 'Details', cell: (entry) => entry.summary ?? <span className="muted">—</span> },
  { key: 'address', header: 'Address', cell: (entry) => entry.ipAddress ?? '—' },
];
