import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signedInSession } from '@/lib/boundary/request';
import { ForgetDrafts } from '@/app/components/forget-drafts';
import { Link } from '@/app/components/link';
import { getConfig } from '@/lib/config';
import { safeNextPath } from '@/lib/http/safe-next';
import { isMailEnabled } from '@/lib/mail/outgoing/transport';
import { isSetupNeeded } from '@/lib/users/setup';
import { LoginForm } from './login-form';
import { OidcRefusal, OidcSignInButton, ProviderSignOut } from './oidc-sign-in';
import { oidcEndSessionUrl } from '@/lib/auth/oidc-client';
import { PasskeySignIn } from './passkey-sign-in';
import { relyingParty } from '@/lib/auth/passkey-relying-party';

export const metadata: Metadata = { title: 'Sign in' };

type LoginQuery = { next?: string | string[]; signedOut?: string | string[]; oidc?: string | string[] };

export default async function LoginPage({ searchParams }: { searchParams: Promise<LoginQuery> }) {
  if (await isSetupNeeded()) redirect('/setup');
  const { next, signedOut, oidc: oidcRefusal } = await searchParams;
  const { basePath, oidc } = getConfig();
  const nextPath = safeNextPath(Array.isArray(next) ? next[0] : next, basePath);
  if (await signedInSession()) redirect(nextPath);
  const providerSignOut = oidc && signedOut === '1' ? await oidcEndSessionUrl(oidc) : null;
  return (
    <section className="panel auth-card" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      <p className="lead">IT Assets Manager</p>
      {/* Only the exact marker the logout sends; anything else in the address says nothing. */}
      {signedOut === '1' ? (
        <>
          <p className="notice success" role="status">
            You are signed out.
          </p>
          <ForgetDrafts />
          {oidc && providerSignOut ? <ProviderSignOut url={providerSignOut} displayName={oidc.displayName} /> : null}
        </>
      ) : null}
      <OidcRefusal reason={oidcRefusal} />
      {oidc ? (
        <OidcSignInButton basePath={basePath} displayName={oidc.displayName} next={nextPath} orPassword={!oidc.only} />
      ) : null}
      {oidc?.only ? (
        // Password sign-in stays for the break-glass admins (OIDC_BREAK_GLASS_USERS) when the provider is down.
        <details className="break-glass">
          <summary>Break-glass sign-in</summary>
          <LoginForm next={nextPath} />
        </details>
      ) : (
        <>
          <LoginForm next={nextPath} />
          <PasskeySignInWhenOn next={nextPath} />
        </>
      )}
      {isMailEnabled() && !oidc?.only ? (
        <p>
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The passkey button, on installations where passkeys work (lib/auth/passkey-relying-party.ts). */
function PasskeySignInWhenOn({ next }: { next: string }) {
  const { basePath, publicUrl } = getConfig();
  const party = relyingParty({ publicUrl });
  return party.enabled ? <PasskeySignIn apiBase={`${basePath}/api`} next={next} origin={party.origin} /> : null;
}
