import type { Metadata } from 'next';
import { pageActor } from '@/lib/boundary/page';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await pageActor();
  return (
    <>
      <h1>Account</h1>
      <div className="grid-2">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <dl className="facts">
            <dt>Username</dt>
            <dd>{actor.username}</dd>
            <dt>Name</dt>
            <dd>{actor.displayName}</dd>
            <dt>Email</dt>
            <dd>{actor.email ?? '—'}</dd>
            <dt>Role</dt>
            <dd>{actor.role}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="password-title">
          <h2 id="password-title">Change password</h2>
          <PasswordForm />
        </section>
      </div>
    </>
  );
}
