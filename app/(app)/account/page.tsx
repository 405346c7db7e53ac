import type { Metadata } from 'next';
import { Fact, Facts } from '@/app/components/facts';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { listPasskeys } from '@/lib/auth/passkeys';
import { hasSecondFactor } from '@/lib/auth/second-factor';
import { resolveViewerTimeZone } from '@/lib/boundary/viewer-time-zone';
import { isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { essentialKindsFor, optionalKindsFor } from '@/lib/mail/outgoing/kinds';
import { notificationSettings } from '@/lib/mail/outgoing/preferences';
import { isMailEnabled } from '@/lib/mail/outgoing/transport';
import { NotificationsForm } from './notifications-form';
import { PasswordForm } from './password-form';
import { TimeZoneForm } from './time-zone-form';
import { PasskeysPanel } from './passkeys-panel';
import { ApiTokensPanel } from './api-tokens-panel';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await pageActor();
  const staff = isStaff(actor);
  const db = await getDb();
  // Every panel's data at once: an async panel of its own would be one more round of rendering.
  const [settings, timeZone, secondFactor, passkeys, tokens] = await Promise.all([
    isMailEnabled() ? notificationSettings(db, actor.id) : null,
    resolveViewerTimeZone(),
    hasSecondFactor(db, actor.id),
    listPasskeys(db, actor.id),
    listApiTokens(db, actor),
  ]);
  const optional = optionalKindsFor(staff);
  const essential = essentialKindsFor(staff);
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
        <Panel id="time-zone" title="Time zone">
          <TimeZoneForm chosen={timeZone.chosen} browserZone={timeZone.browser} />
        </Panel>
        <Panel id="password" title="Change password">
          <PasswordForm />
        </Panel>
        <Panel id="two-factor" title="Two-factor sign-in">
          <p>{secondFactor ? 'On: sign-in asks for a code from your authenticator app.' : 'Off.'}</p>
          <p>
            <Link href="/account/two-factor">
              {secondFactor ? 'Manage two-factor sign-in' : 'Set up two-factor sign-in'}
            </Link>
          </p>
        </Panel>
        {settings ? (
          <Panel id="notifications" title="Email notifications">
            {actor.email ? null : <p className="muted">Your account has no email address, so no mail reaches you.</p>}
            <NotificationsForm optional={optional} essential={essential} optOuts={settings.optOuts} />
          </Panel>
        ) : null}
      </div>
      <PasskeysPanel passkeys={passkeys} />
      <ApiTokensPanel tokens={tokens} />
    </>
  );
}
