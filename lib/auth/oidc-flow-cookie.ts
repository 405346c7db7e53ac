import 'server-only';
import { z } from 'zod';
import type { AppConfig } from '../config';
import type { OidcFlow } from './oidc-client';
import { isSecureRequest, type CookieOptions } from './session-cookie';
import { maxNextLength } from '../http/safe-next';
import { sealShortLived, unsealShortLived } from './session-seal';

// The single sign-on's state, nonce and PKCE verifier between the redirect to the provider and its
// answer: sealed with the session secrets for its purpose, for ten minutes. SameSite=Lax, so the browser still
// sends it on the provider's top-level redirect back to the callback.

export const oidcFlowCookieName = 'ticketing_oidc';
const flowSeconds = 10 * 60;

const flowSchema = z.object({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
  redirectUri: z.url(),
  next: z.string().startsWith('/').max(maxNextLength),
});

export type FlowCookie = { name: typeof oidcFlowCookieName; value: string; options: CookieOptions };

function options(config: AppConfig, protocol: string, maxAge: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: config.basePath || '/',
    secure: isSecureRequest(config, protocol),
    maxAge,
  };
}

export async function oidcFlowCookie(config: AppConfig, protocol: string, flow: OidcFlow): Promise<FlowCookie> {
  const value = await sealShortLived('oidc-flow', flow, config.session.secrets, flowSeconds);
  return { name: oidcFlowCookieName, value, options: options(config, protocol, flowSeconds) };
}

export function clearedOidcFlowCookie(config: AppConfig, protocol: string): FlowCookie {
  return { name: oidcFlowCookieName, value: '', options: options(config, protocol, 0) };
}

/** The flow this browser started, or null (none, expired, tampered or not ours). */
export async function readOidcFlow(config: AppConfig, value: string | undefined): Promise<OidcFlow | null> {
  if (!value) return null;
  return unsealShortLived('oidc-flow', value, config.session.secrets, flowSchema);
}
