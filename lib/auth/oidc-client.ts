import 'server-only';
import * as client from 'openid-client';
import type { OidcConfig } from '../config/oidc';
import { describeError, log } from '../log';
import type { OidcClaims } from './oidc-accounts';

// The one module that speaks to the OpenID provider (openid-client): discovery, the address to
// send the browser to, and the code exchange with its checks (state, nonce, PKCE, ID token).

/** What must survive the trip to the provider and back (sealed in a short-lived cookie). */
export type OidcFlow = { state: string; nonce: string; codeVerifier: string; redirectUri: string; next: string };

const isLoopbackHost = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

// The provider's metadata, discovered once (and again after a failed discovery). Kept per module,
// not on globalThis: each Next.js bundle has its own openid-client, which accepts only the
// configurations it made itself.
let discovered: { issuer: string; configuration: Promise<client.Configuration> } | undefined;

function discover(settings: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  return client.discovery(
    issuer,
    settings.clientId,
    { client_secret: settings.clientSecret },
    client.ClientSecretBasic(settings.clientSecret),
    // openid-client refuses plain http; only a provider on this machine (the tests' one) may use it.
    issuer.protocol === 'http:' && isLoopbackHost(issuer)
      ? { execute: [client.allowInsecureRequests], timeout: 10 }
      : { timeout: 10 },
  );
}

export function oidcConfiguration(settings: OidcConfig): Promise<client.Configuration> {
  if (discovered && discovered.issuer === settings.issuer) return discovered.configuration;
  const configuration = discover(settings);
  discovered = { issuer: settings.issuer, configuration };
  configuration.catch(() => {
    if (discovered?.configuration === configuration) discovered = undefined;
  });
  return configuration;
}

/** The provider's sign-in address for a new flow, and the flow to keep until it answers. */
export async function startOidcFlow(
  settings: OidcConfig,
  redirectUri: string,
  next: string,
): Promise<{ url: URL; flow: OidcFlow }> {
  const configuration = await oidcConfiguration(settings);
  const flow: OidcFlow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectUri,
    next,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: settings.scopes,
    response_type: 'code',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, flow };
}

/**
 * Exchanges the code the provider sent back (`search`: the callback's query string) after checking
 * state, nonce and PKCE; the ID token's claims with the UserInfo answer merged in.
 */
export async function finishOidcFlow(settings: OidcConfig, flow: OidcFlow, search: string): Promise<OidcClaims> {
  const configuration = await oidcConfiguration(settings);
  // The address the provider redirected to, as registered: behind a proxy the request's own URL differs.
  const currentUrl = new URL(flow.redirectUri);
  currentUrl.search = search;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('The provider sent no ID token.');
  // Many providers put email and groups only in UserInfo for the code flow.
  const userInfo = configuration.serverMetadata().userinfo_endpoint
    ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
    : {};
  return { ...userInfo, ...stripProtocolClaims(idClaims), sub: idClaims.sub };
}

// The ID token's own bookkeeping says nothing about the person.
function stripProtocolClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const personal = { ...claims };
  for (const name of ['iss', 'aud', 'exp', 'iat', 'nonce', 'at_hash', 'c_hash', 'azp', 'auth_time', 'sid']) {
    delete personal[name];
  }
  return personal;
}

/** The provider's end-session address, when it has one and can be reached; null otherwise. */
export async function oidcEndSessionUrl(settings: OidcConfig, postLogoutRedirectUri?: string): Promise<string | null> {
  try {
    const configuration = await oidcConfiguration(settings);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = { client_id: settings.clientId };
    if (postLogoutRedirectUri) parameters.post_logout_redirect_uri = postLogoutRedirectUri;
    return client.buildEndSessionUrl(configuration, parameters).href;
  } catch (error) {
    log.warn('auth.oidc_unavailable', { issuer: settings.issuer, ...describeError(error) });
    return null;
  }
}
