import type { Metadata } from 'next';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { FilterBar } from '@/app/components/filter-bar';
import { FilterActions, FilterInput } from '@/app/components/filter-fields';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { Time } from '@/app/components/time';
import { adminRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format-count';
import { listUsersPage, type UserSummary } from '@/lib/users/queries';
import { userListSchema } from '@/lib/users/schemas';
import { readListQuery, type SearchParams } from '../../_components/list-query';
import { rolesRequiringSecondFactor } from '@/lib/auth/second-factor-admin';
import { SecondFactorRolesForm } from './_second-factor/second-factor-roles-form';
import { CreateUserForm } from './create-user-form';

export const metadata: Metadata = { title: 'Users' };

const columns: Column<UserSummary>[] = [
  {
    key: 'username',
    header: 'Username',
    cell: (user) => <Link href={`/admin/users/${user.id}`}>{user.username}</Link>,
  },
  { key: 'name', header: 'Name', cell: (user) => user.displayName },
  { key: 'email', priority: 'secondary', header: 'Email', cell: (user) => user.email ?? '—' },
  { key: 'role', header: 'Role', cell: (user) => user.role },
  {
    key: 'status',
    header: 'Status',
    cell: (user) => (user.active ? <span className="tag">active</span> : <span className="tag off">disabled</span>),
  },
  { key: 'created', priority: 'secondary', header: 'Created', cell: (user) => <Time value={user.createdAt} /> },
];

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(adminRoles);
  const { raw, params } = await readListQuery(searchParams, userListSchema);
  const db = await getDb();
  const [page, secondFactorRoles] = await Promise.all([
    listUsersPage(db, actor, params),
    rolesRequiringSecondFactor(db),
  ]);
  const filtered = Boolean(params.q);
  return (
    <>
      {/* The form to create a user is on this page, below the list. */}
      <PageHeader title="Users" primary={{ label: 'New user', href: '/admin/users#create-title' }} />
      <FilterBar id="user-filters">
        <form className="filters" role="search" aria-label="Search users">
          <FilterInput name="q" label="Username, name or email" value={params.q} type="search" />
          <FilterActions clearHref="/admin/users" filtered={filtered} />
        </form>
      </FilterBar>
      <div className="grid-2">
        <Panel id="users" title={`${filtered ? 'Matching users' : 'All users'} (${formatCount(page.total)})`}>
          <DataTable
            columns={columns}
            rows={page.items}
            rowKey={byId}
            empty={page.total > 0 ? null : 'No user matches this search.'}
          />
          <Pagination list={page} params={raw} path="/admin/users" />
        </Panel>
        <Panel id="create" title="Create a user">
          <CreateUserForm />
        </Panel>
      </div>
      <Panel id="second-factor-roles" title="Two-factor sign-in">
        <SecondFactorRolesForm required={secondFactorRoles} />
      </Panel>
    </>
  );
}
