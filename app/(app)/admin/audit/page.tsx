import type { Metadata } from 'next';
import { byId, DataTable } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { adminRoles } from '@/lib/actor';
import { auditFilterOptions } from '@/lib/audit/filter-options';
import { auditListSchema, listAuditEntries } from '@/lib/audit/queries';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format-count';
import { readListQuery, type SearchParams } from '../../_components/list-query';
import { auditColumns } from './audit-columns';
import { AuditFilters } from './audit-filters';

export const metadata: Metadata = { title: 'Audit log' };

const filterNames = ['action', 'person', 'kind', 'q', 'from', 'to', 'batch'] as const;

const nothingNamed = 'No ticket reference, asset tag, license or username is this; check the spelling.';

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(adminRoles);
  const { raw, params, problems } = await readListQuery(searchParams, auditListSchema);
  const db = await getDb();
  const [page, options] = await Promise.all([listAuditEntries(db, actor, params), auditFilterOptions(db, actor)]);
  const filtered = filterNames.some((name) => params[name]);
  // A value the list could not use stays in its field, with the reason beside it.
  const values = Object.fromEntries(filterNames.map((name) => [name, problems[name] ? raw[name] : params[name]]));
  const shownProblems = Object.fromEntries(
    filterNames.filter((name) => problems[name]).map((name) => [name, `Ignored: ${problems[name]}`]),
  );
  if (page.searched?.length === 0) shownProblems.q = nothingNamed;

  return (
    <>
      <PageHeader title="Audit log" />
      {/* Keyed by the address: after "Clear filters" or a link, the fields show what the list uses. */}
      <AuditFilters
        key={new URLSearchParams(raw).toString()}
        actionGroups={options.actionGroups}
        people={options.people}
        values={values}
        problems={shownProblems}
        filtered={filtered}
      />
      {params.batch ? (
        <p>
          Showing one bulk change only. <Link href={`/bulk/${params.batch}`}>Its result</Link> ·{' '}
          <Link href="/admin/audit">Show every entry</Link>
        </p>
      ) : null}
      <Panel
        id="audit"
        title={`${filtered ? 'Matching entries' : 'All entries'} (${formatCount(page.total)}), newest first`}
      >
        {/* Past the last page the log is not empty: the pagination line says where it ends. */}
        <DataTable
          columns={auditColumns}
          rows={page.items}
          rowKey={byId}
          empty={page.total > 0 ? null : filtered ? 'No entry matches these filters.' : 'The audit log is empty.'}
        />
        <Pagination list={page} params={raw} path="/admin/audit" />
      </Panel>
    </>
  );
}
