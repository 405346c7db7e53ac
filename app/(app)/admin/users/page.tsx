import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { requireRole } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { listUsers } from '@/lib/users/queries';
import { CreateUserForm } from './create-user-form';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await requireRole('admin');
  const users = await listUsers(await getDb());
  return (
    <>
      <h1>Users</h1>
      <div className="grid-2">
        <section className="panel" aria-labelledby="users-title">
          <h2 id="users-title">All users ({users.length})</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <Link href={`/admin/users/${user.id}`}>{user.username}</Link>
                    </td>
                    <td>{user.displayName}</td>
                    <td>{user.role}</td>
                    <td>{user.active ? <span className="tag">active</span> : <span className="tag off">disabled</span>}</td>
                    <td>{formatDateTime(user.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="panel" aria-labelledby="create-title">
          <h2 id="create-title">Create a user</h2>
          <CreateUserForm />
        </section>
      </div>
    </>
  );
}
