import type { Metadata } from 'next';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { FilterInput } from '@/app/components/filter-fields';
import { Link } from '@/app/components/link';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { adminRoles } from '@/lib/actor';
import { listAuditEntries, auditListSchema, type AuditEntryView } from '@/lib/audit/queries';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { readListQuery, type SearchParams } from '../../_components/list-query';

export const metadata: Metadata = { title: 'Audit log' };

const filterFields = [
  { name: 'action', label: 'Action' },
  { name: 'actor', label: 'Actor username' },
  { name: 'targetType', label: 'Target type' },
  { name: 'targetId', label: 'Target id' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
] as const;

// Where a target can be opened; other targets (sessions) are shown as text.
const targetPaths: Record<string, string> = {
  user: '/admin/users/',
  license: '/licenses/',
  ticket: '/tickets/',
  asset: '/assets/',
};

function AuditTarget({ type, id }: { type: string | null; id: string | null }) {
  if (!type) return <>—</>;
  const path = targetPaths[type];
  return (
    <>
      {type} {id && path ? <Link href={`${path}${encodeURIComponent(id)}`}>{id}</Link> : id}
    </>
  );
}

const columns: Column<AuditEntryView>[] = [
  { key: 'time', header: 'Time', cell: (entry) => formatDateTime(entry.at) },
  { key: 'actor', header: 'Actor', cell: (entry) => entry.actorUsername ?? <span className="muted">system</span> },
  { key: 'action', header: 'Action', cell: (entry) => <code>{entry.action}</code> },
  { key: 'target', header: 'Target', cell: (entry) => <AuditTarget type={entry.targetType} id={entry.targetId} /> },
  { key: 'address', header: 'Address', cell: (entry) => entry.ipAddress ?? '—' },
  {
    key: 'details',
    header: 'Details',
    cell: (entry) =>
      entry.details ? (
        <details>
          <summary>Show</summary>
          <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(entry.details, null, 2)}</pre>
        </details>
      ) : (
        '—'
      ),
  },
];

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(adminRoles);
  const { raw, params, problems } = await readListQuery(searchParams, auditListSchema);
  const page = await listAuditEntries(await getDb(), actor, params);
  const filtered = filterFields.some((field) => params[field.name]);

  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" role="search" aria-label="Filter the audit log">
        {filterFields.map((field) => (
          <FilterInput
            key={field.name}
            name={field.name}
            label={field.label}
            type={'type' in field ? field.type : 'text'}
            value={problems[field.name] ? raw[field.name] : params[field.name]}
            error={problems[field.name] && `Ignored: ${problems[field.name]}`}
            aria-describedby={field.name === 'action' || field.name === 'targetType' ? 'audit-filter-help' : undefined}
          />
        ))}
        <button type="submit" className="secondary">
          Filter
        </button>
        {filtered ? <Link href="/admin/audit">Clear filters</Link> : null}
      </form>
      <p id="audit-filter-help" className="muted">
        An action ending in a dot (<code>auth.</code>, <code>license.</code>) matches every action under it; any other
        is matched exactly. Target types: user, session, ticket, asset, license. Dates are UTC days, both included.
      </p>
      <Panel
        id="audit"
        title={`${filtered ? 'Matching entries' : 'All entries'} (${page.total.toLocaleString('en')}), newest first`}
      >
        {/* Past the last page the log is not empty: the pagination line says where it ends. */}
        <DataTable
          columns={columns}
          rows={page.items}
          rowKey={byId}
          empty={page.total > 0 ? null : filtered ? 'No entry matches these filters.' : 'The audit log is empty.'}
        />
        <Pagination page={page.page} pageSize={page.pageSize} total={page.total} params={raw} path="/admin/audit" />
      </Panel>
    </>
  );
}
