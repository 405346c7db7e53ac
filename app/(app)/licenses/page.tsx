import type { Metadata } from 'next';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { FilterBar } from '@/app/components/filter-bar';
import { FilterActions, FilterInput, FilterSelect } from '@/app/components/filter-fields';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { utcToday } from '@/lib/dashboard/expiry-windows';
import { formatCount } from '@/lib/format-count';
import { listLicenses, type LicenseSummary } from '@/lib/licenses/queries';
import { licenseListSchema } from '@/lib/licenses/schemas';
import { ExpiryBadge, SeatUse } from './license-badges';
import { readListQuery, type SearchParams } from '../_components/list-query';

export const metadata: Metadata = { title: 'Licenses' };

function licenseColumns(today: string): Column<LicenseSummary>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      cell: (license) => <Link href={`/licenses/${license.id}`}>{license.name}</Link>,
    },
    { key: 'vendor', priority: 'secondary', header: 'Vendor', cell: (license) => license.vendor ?? '—' },
    { key: 'seats', header: 'Seats used', cell: (license) => <SeatUse used={license.used} seats={license.seats} /> },
    {
      key: 'expires',
      header: 'Expires',
      cell: (license) => <ExpiryBadge expiresAt={license.expiresAt} today={today} />,
    },
  ];
}

function NoLicensesYet() {
  return (
    <>
      {'No licenses yet. '}
      <Link href="/licenses/new">Add the first one.</Link>
    </>
  );
}

export default async function LicensesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(staffRoles);
  const { raw, params } = await readListQuery(searchParams, licenseListSchema);
  const page = await listLicenses(await getDb(), actor, params);
  const filtered = Boolean(params.q || params.vendor || params.expiringWithinDays !== undefined);
  const today = utcToday();

  return (
    <>
      <PageHeader title="Licenses" primary={{ label: 'New license', href: '/licenses/new' }} />
      <FilterBar id="license-filters">
        <form className="filters" role="search" aria-label="Filter licenses">
          <FilterInput name="q" label="Name" value={params.q} />
          <FilterInput name="vendor" label="Vendor" value={params.vendor} />
          <FilterSelect
            name="expiringWithinDays"
            id="filter-expiring"
            label="Expiring"
            anyLabel="Any time"
            value={params.expiringWithinDays}
            options={[30, 60, 90].map((days) => ({ value: days, label: `Within ${days} days` }))}
          />
          <FilterActions clearHref="/licenses" filtered={filtered} />
        </form>
      </FilterBar>
      <Panel id="licenses" title={`${filtered ? 'Matching licenses' : 'All licenses'} (${formatCount(page.total)})`}>
        {/* Past the last page the list is not empty: the pagination line says where it ends. */}
        <DataTable
          columns={licenseColumns(today)}
          rows={page.items}
          rowKey={byId}
          empty={page.total > 0 ? null : filtered ? 'No license matches these filters.' : <NoLicensesYet />}
        />
        <Pagination list={page} params={raw} path="/licenses" />
      </Panel>
    </>
  );
}
