import 'server-only';
import { getConfig } from '../config';
import type { OidcConfig } from '../config/oidc';
import { getDb } from '../db/client';
import type { RequestInfo } from '../http/request-info';
import { SecondFactorRequired } from './login';
import { accountForOidcSignIn, OidcRefused, type OidcClaims } from './oidc-accounts';
import type { OidcRefusalReason } from './oidc-refusals';
import { openLoginSession, signedIn, type LoginResult } from './login-session';
import { hasSecondFactor } from './second-factor';
import { noAccountKey } from './rate-limit';
import { recordSignInFailure, signInWaitSeconds } from './sign-in-failures';

// Opening a session from a single sign-on, as lib/auth/login.ts does for a password: the same
// sessions, audit rows and failure limits. Failures count against the client's address alone
// (the provider has not said who it is yet when a state is tampered with).

/** Refuses with 'rate_limited' while this address is past the sign-in failure limit. */
export async function assertOidcAttemptAllowed(request: RequestInfo): Promise<void> {
  if ((await signInWaitSeconds(noAccountKey, request, 'oidc')) > 0) throw new OidcRefused('rate_limited');
}

/** Counts and audits a failed single sign-on; `detail` is the library's error name, never a token. */
export async function recordOidcFailure(
  request: RequestInfo,
  reason: OidcRefusalReason,
  detail?: string,
): Promise<void> {
  await recordSignInFailure({
    key: noAccountKey,
    request,
    reason,
    method: 'oidc',
    details: detail ? { detail } : undefined,
  });
}

/**
 * Finds, links or makes the account for verified claims and opens a new session for it, ending
 * `previousToken`'s. A refusal (unverified address, disabled account) is counted and rethrown. An
 * account with its own second factor gets no session yet: SecondFactorRequired, as after a
 * password, since the provider vouches for who signed in there and not for this app's code.
 */
export async function logInWithOidc(
  settings: OidcConfig,
  claims: OidcClaims,
  request: RequestInfo,
  previousToken?: string,
): Promise<LoginResult> {
  const config = getConfig();
  const db = await getDb();
  const who = { id: null, username: null, ipAddress: request.ipAddress };
  try {
    const opened = await db.transaction(async (tx) => {
      const account = await accountForOidcSignIn(tx, who, {
        issuer: settings.issuer,
        claims,
        roles: settings,
      });
      if (await hasSecondFactor(tx, account.id)) return { account, session: null };
      const session = await openLoginSession(tx, config, account, request, {
        key: noAccountKey,
        remember: false,
        previousToken,
        details: { method: 'oidc', account: account.matched },
      });
      return { account, session };
    });
    if (!opened.session) throw new SecondFactorRequired(opened.account.id, false);
    return signedIn(opened.account, opened.session, request, { persistent: false, method: 'oidc' });
  } catch (error) {
    if (error instanceof OidcRefused) await recordOidcFailure(request, error.reason);
    throw error;
  }
}
