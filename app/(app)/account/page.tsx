import type { Metadata } from 'next';
import { Fact, Facts } from '@/app/components/facts';
import { Panel } from '@/app/components/panel';
import { pageActor } from '@/lib/boundary/page';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await pageActor();
  return (
    <>
      <h1>Account</h1>
      <div className="grid-2">
        <Panel id="profile" title="Profile">
          <Facts>
            <Fact term="Username">{actor.username}</Fact>
            <Fact term="Name">{actor.displayName}</Fact>
            <Fact term="Email">{actor.email ?? '—'}</Fact>
            <Fact term="Role">{actor.role}</Fact>
          </Facts>
        </Panel>
        <Panel id="password" title="Change password">
          <PasswordForm />
        </Panel>
      </div>
    </>
  );
}
