import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/dal';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const { user } = await requireUser();
  return (
    <>
      <h1>Account</h1>
      <div className="grid-2">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <dl className="facts">
            <dt>Username</dt>
            <dd>{user.username}</dd>
            <dt>Name</dt>
            <dd>{user.displayName}</dd>
            <dt>Email</dt>
            <dd>{user.email ?? '—'}</dd>
            <dt>Role</dt>
            <dd>{user.role}</dd>
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
