import 'server-only';
import { cookies, headers } from 'next/headers';
import { OidcRefused } from '../auth/oidc-accounts';
import { finishOidcFlow, startOidcFlow } from '../auth/oidc-client';
import { clearedOidcFlowCookie, oidcFlowCookie, oidcFlowCookieName, readOidcFlow } from '../auth/oidc-flow-cookie';
import { assertOidcAttemptAllowed, logInWithOidc, recordOidcFailure } from '../auth/oidc-login';
import type { OidcRefusalReason } from '../auth/oidc-refusals';
import { SecondFactorRequired } from '../auth/login';
import { newSessionCookie, resolveSession, secondFactorChallengeCookie } from '../auth/session';
import { getConfig } from '../config';
import type { OidcConfig } from '../config/oidc';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { safeNextPath } from '../http/safe-next';
import { describeError, log } from '../log';
import { requestInfo } from './request';

// Single sign-on for the browser: GET …/api/auth/oidc/start sends it to the provider, the
// provider sends it back to GET …/api/auth/oidc/callback. Both answer with redirects, never
// JSON: a refusal lands on the sign-in page with one of the fixed messages of oidc-refusals.ts.

const callbackPath = '/api/auth/oidc/callback';

function settingsOrRefuse(): OidcConfig {
  const settings = getConfig().oidc;
  if (!settings) throw new AppError('not_found', 'Single sign-on is not set up.');
  return settings;
}

/** The callback's address as the browser sees it: PUBLIC_URL when set, else this request's host. */
function callbackUrl(request: RequestInfo): string {
  const { publicUrl, basePath } = getConfig();
  const origin = publicUrl ? publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}${basePath}`;
  return `${origin}${callbackPath}`;
}

const redirectTo = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

const toLogin = (reason: OidcRefusalReason) => redirectTo(`${getConfig().basePath}/login?oidc=${reason}`);

export async function startOidcSignIn(next: string | undefined): Promise<Response> {
  const settings = settingsOrRefuse();
  const config = getConfig();
  const request = await requestInfo();
  let started;
  try {
    started = await startOidcFlow(settings, callbackUrl(request), safeNextPath(next, config.basePath));
  } catch (error) {
    log.error('auth.oidc_unavailable', { issuer: settings.issuer, ...describeError(error) });
    return toLogin('unavailable');
  }
  const cookie = await oidcFlowCookie(config, request.protocol, started.flow);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  return redirectTo(started.url.href);
}

/** Why a code exchange failed, as the log and the audit row say it: the library's error name only. */
const failureDetail = (error: unknown) =>
  error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'unknown';

export async function finishOidcSignIn(request: Request): Promise<Response> {
  const settings = settingsOrRefuse();
  const config = getConfig();
  const info = await requestInfo();
  const jar = await cookies();
  const flow = await readOidcFlow(config, jar.get(oidcFlowCookieName)?.value);
  const cleared = clearedOidcFlowCookie(config, info.protocol);
  // A flow is used once, whatever happens next.
  jar.set(cleared.name, cleared.value, cleared.options);

  const search = new URL(request.url).search;
  try {
    await assertOidcAttemptAllowed(info);
    if (!flow) {
      await recordOidcFailure(info, 'expired');
      return toLogin('expired');
    }
    if (new URLSearchParams(search).get('error') === 'access_denied') {
      await recordOidcFailure(info, 'cancelled');
      return toLogin('cancelled');
    }
    let claims;
    try {
      claims = await finishOidcFlow(settings, flow, search);
    } catch (error) {
      await recordOidcFailure(info, 'failed', failureDetail(error));
      return toLogin('failed');
    }
    const { claim } = await resolveSession((await headers()).get('cookie'), info.protocol, { database: false });
    let session;
    try {
      session = await logInWithOidc(settings, claims, info, claim?.sid);
    } catch (error) {
      if (!(error instanceof SecondFactorRequired)) throw error;
      // The account's own code is owed: the code page finishes the sign-in, then goes on to `next`.
      const challenge = await secondFactorChallengeCookie(error, info.protocol);
      jar.set(challenge.name, challenge.value, challenge.options);
      return redirectTo(`${config.basePath}/login/code?next=${encodeURIComponent(flow.next)}`);
    }
    const cookie = await newSessionCookie(
      { token: session.token, userId: session.user.id, persistent: false, expiresAt: session.expiresAt },
      info.protocol,
    );
    jar.set(cookie.name, cookie.value, cookie.options);
    return redirectTo(`${config.basePath}${flow.next}`);
  } catch (error) {
    if (error instanceof OidcRefused) return toLogin(error.reason);
    throw error;
  }
}
