import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/app/components/action-button';
import { SessionTable } from '@/app/components/session-table';
import { Panel } from '@/app/components/panel';
import { Fact, Facts } from '@/app/components/facts';
import { adminRoles, isStaff } from '@/lib/actor';
import { hasSecondFactor } from '@/lib/auth/second-factor';
import { listSessionsOf } from '@/lib/auth/user-sessions';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { notificationSettings } from '@/lib/mail/outgoing/preferences';
import { isMailEnabled } from '@/lib/mail/outgoing/transport';
import { findUserById } from '@/lib/users/queries';
import { adminRevokeSessionAction, setActiveAction } from '../actions';
import { resetSecondFactorAction } from '../_second-factor/actions';
import { setNotifyUnassignedAction } from './actions';
import { ChangeRoleForm, DetailsForm, ResetPasswordForm } from './user-forms';

export const metadata: Metadata = { title: 'User' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor(adminRoles);
  const { id } = await params;
  const db = await getDb();
  const user = await findUserById(db, actor, id);
  if (!user) notFound();
  const [sessions, secondFactor] = await Promise.all([
    listSessionsOf(db, actor, user.id),
    hasSecondFactor(db, user.id),
  ]);
  const isSelf = user.id === actor.id;
  // Only agents and admins work tickets, so only they can hear about unassigned ones.
  const mailSettings = isMailEnabled() && isStaff(user) ? await notificationSettings(db, user.id) : null;

  return (
    <>
      <BackLink href="/admin/users">Users</BackLink>
      <h1>
        {user.displayName} <span className="muted">({user.username})</span>
      </h1>
      <div className="grid-2">
        <Panel id="details" title="Details">
          <Facts>
            <Fact term="Role">{user.role}</Fact>
            <Fact term="Status">{user.active ? 'Active' : 'Disabled'}</Fact>
            <Fact term="Email">{user.email ?? '—'}</Fact>
            <Fact term="Created">{formatDateTime(user.createdAt)}</Fact>
            <Fact term="Password set">{formatDateTime(user.passwordChangedAt)}</Fact>
          </Facts>
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
        </Panel>
        <Panel id="role" title="Role">
          <ChangeRoleForm userId={user.id} role={user.role} version={user.version} />
          <h2>Reset password</h2>
          <ResetPasswordForm userId={user.id} />
          <h2>Two-factor sign-in</h2>
          <p data-testid="second-factor-status">{secondFactor ? 'On (authenticator app).' : 'Off.'}</p>
          {secondFactor ? (
            <ActionButton
              action={resetSecondFactorAction}
              fields={{ userId: user.id }}
              label="Reset two-factor sign-in"
              confirm={`Remove ${user.username}'s authenticator app and recovery codes? They are signed out everywhere.`}
              variant="danger"
            />
          ) : null}
          {mailSettings ? (
            <>
              <h2>Unassigned tickets</h2>
              <p data-testid="notify-unassigned">
                {mailSettings.notifyUnassigned
                  ? 'Mailed about every new unassigned ticket.'
                  : 'Not mailed about new unassigned tickets.'}
              </p>
              <ActionButton
                action={setNotifyUnassignedAction}
                fields={{ userId: user.id, notify: mailSettings.notifyUnassigned ? 'false' : 'true' }}
                label={mailSettings.notifyUnassigned ? 'Stop these mails' : 'Mail them about unassigned tickets'}
                variant="secondary"
              />
            </>
          ) : null}
        </Panel>
      </div>
      <Panel id="name-email" title="Name and email">
        <DetailsForm user={user} />
      </Panel>
      <Panel id="user-sessions" title="Active sessions">
        <SessionTable
          sessions={sessions}
          currentSessionId={isSelf ? (actor.sessionId ?? undefined) : undefined}
          revokeAction={adminRevokeSessionAction}
          extraFields={{ userId: user.id }}
        />
      </Panel>
    </>
  );
}
