import { isOidcRefusalReason, oidcRefusals } from '@/lib/auth/oidc-refusals';

// The login page's single sign-on parts (OIDC_* settings): the "Sign in with …" button, the reason
// a sign-on was refused, and the provider's own sign-out after ours.

/** A plain link: the start route answers with a redirect to the provider, which no client fetch could follow. */
export function OidcSignInButton({
  basePath,
  displayName,
  next,
  orPassword,
}: {
  basePath: string;
  displayName: string;
  next: string;
  /** Says that the password form below is the other way in. */
  orPassword: boolean;
}) {
  const href = `${basePath}/api/auth/oidc/start${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;
  return (
    <>
      <p>
        <a className="button sso-button" href={href}>
          Sign in with {displayName}
        </a>
      </p>
      {orPassword ? <p className="muted sso-or">or with a username and password</p> : null}
    </>
  );
}

/** Only the fixed words of a known reason; anything else in the address shows nothing. */
export function OidcRefusal({ reason }: { reason: unknown }) {
  if (!isOidcRefusalReason(reason)) return null;
  return (
    <p className="notice error" role="alert">
      {oidcRefusals[reason]}
    </p>
  );
}

export function ProviderSignOut({ url, displayName }: { url: string; displayName: string }) {
  return (
    <p>
      <a href={url}>Also sign out of {displayName}</a>
    </p>
  );
}
