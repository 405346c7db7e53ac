import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/app/components/action-button';
import { SessionTable } from '@/app/components/session-table';
import { adminRoles } from '@/lib/actor';
import { listSessionsOf } from '@/lib/auth/user-sessions';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { findUserById } from '@/lib/users/queries';
import { adminRevokeSessionAction, setActiveAction } from '../actions';
import { ChangeRoleForm, ResetPasswordForm } from './user-forms';

export const metadata: Metadata = { title: 'User' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor(adminRoles);
  const { id } = await params;
  const db = await getDb();
  const user = await findUserById(db, actor, id);
  if (!user) notFound();
  const sessions = await listSessionsOf(db, actor, user.id);
  const isSelf = user.id === actor.id;

  return (
    <>
      <p>
        <Link href="/admin/users">← Users</Link>
      </p>
      <h1>
        {user.displayName} <span className="muted">({user.username})</span>
      </h1>
      <div className="grid-2">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl className="facts">
            <dt>Role</dt>
            <dd>{user.role}</dd>
            <dt>Status</dt>
            <dd>{user.active ? 'Active' : 'Disabled'}</dd>
            <dt>Email</dt>
            <dd>{user.email ?? '—'}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(user.createdAt)}</dd>
            <dt>Password set</dt>
            <dd>{formatDateTime(user.passwordChangedAt)}</dd>
          </dl>
          <h2>{user.active ? 'Disable' : 'Enable'}</h2>
          {isSelf ? (
            <p className="muted">You cannot disable your own account.</p>
          ) : (
            <ActionButton
              action={setActiveAction}
              fields={{ userId: user.id, version: String(user.version), active: user.active ? 'false' : 'true' }}
              label={user.active ? 'Disable user' : 'Enable user'}
              confirm={user.active ? `Disable ${user.username}? They are signed out everywhere at once.` : undefined}
              variant={user.active ? 'danger' : undefined}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="role-title">
          <h2 id="role-title">Role</h2>
          <ChangeRoleForm userId={user.id} role={user.role} version={user.version} />
          <h2>Reset password</h2>
          <ResetPasswordForm userId={user.id} />
        </section>
      </div>
      <section className="panel" aria-labelledby="user-sessions-title">
        <h2 id="user-sessions-title">Active sessions</h2>
        <SessionTable
          sessions={sessions}
          currentSessionId={isSelf ? (actor.sessionId ?? undefined) : undefined}
          revokeAction={adminRevokeSessionAction}
          extraFields={{ userId: user.id }}
        />
      </section>
    </>
  );
}
