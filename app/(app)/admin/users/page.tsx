import type { Metadata } from 'next';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { adminRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { listUsers, type UserSummary } from '@/lib/users/queries';
import { CreateUserForm } from './create-user-form';

export const metadata: Metadata = { title: 'Users' };

const columns: Column<UserSummary>[] = [
  {
    key: 'username',
    header: 'Username',
    cell: (user) => <Link href={`/admin/users/${user.id}`}>{user.username}</Link>,
  },
  { key: 'name', header: 'Name', cell: (user) => user.displayName },
  { key: 'role', header: 'Role', cell: (user) => user.role },
  {
    key: 'status',
    header: 'Status',
    cell: (user) => (user.active ? <span className="tag">active</span> : <span className="tag off">disabled</span>),
  },
  { key: 'created', header: 'Created', cell: (user) => formatDateTime(user.createdAt) },
];

export default async function UsersPage() {
  const actor = await pageActor(adminRoles);
  const users = await listUsers(await getDb(), actor);
  return (
    <>
      <h1>Users</h1>
      <div className="grid-2">
        <Panel id="users" title={`All users (${users.length})`}>
          <DataTable columns={columns} rows={users} rowKey={byId} />
        </Panel>
        <Panel id="create" title="Create a user">
          <CreateUserForm />
        </Panel>
      </div>
    </>
  );
}
