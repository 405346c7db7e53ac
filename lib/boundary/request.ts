import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import type { Actor } from '../actor';
import { secondFactorSetupPending } from '../auth/second-factor';
import type { TokenCheck } from '../auth/api-token-check';
import { resolveSession, type SignedIn } from '../auth/session';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import { keptResults, viewerFactsKeptForMs } from '../kept-results';
import { requestInfoFromHeaders, type RequestInfo } from '../http/request-info';
import { currentRequestId } from '../request-context';

// What the boundary reads from the request Next.js is serving: its address and protocol, and its
// session, each resolved once per request (React's cache) however many callers ask.

export const requestInfo = cache(async (): Promise<RequestInfo> => requestInfoFromHeaders(await headers()));

/** The signed-in session of this request, checked against the database; null when there is none. */
export const signedInSession = cache(async (): Promise<SignedIn | null> => {
  const { protocol } = await requestInfo();
  return (await resolveSession((await headers()).get('cookie'), protocol)).signedIn;
});

/** The one way an Actor is made: the signed-in user, with where the request came from. */
export async function actorOf(signedIn: SignedIn): Promise<Actor> {
  const { ipAddress } = await requestInfo();
  return { ...signedIn.user, ipAddress, requestId: currentRequestId() ?? null, sessionId: signedIn.session.id };
}

/**
 * The Actor of a request that came with an API token (route() only: pages and server actions
 * never take one): the token's user as the database has them now, marked with the token.
 */
export function tokenActorOf(check: TokenCheck, request: Request): Actor {
  const { ipAddress } = requestInfoFromHeaders(request.headers);
  const { id, scope } = check.token;
  return { ...check.user, ipAddress, requestId: currentRequestId() ?? null, sessionId: null, apiToken: { id, scope } };
}

/** The path the browser asked for (set by middleware), for sending someone back after sign-in. */
export async function requestedPath(): Promise<string> {
  return (await headers()).get('x-request-path') ?? '/';
}

const keptSetUpChecks = keptResults<boolean>('second-factor-setup-pending', {
  keptForMs: viewerFactsKeptForMs,
  max: 10_000,
});

/**
 * Whether this user's role must have a second factor they have not set up: asked once per request.
 * A "no" is kept as long as the session check; a kept "yes" is asked again, so someone who has just
 * set one up through another process is never sent back to the set-up page.
 */
export const mustSetUpSecondFactor = cache(async (userId: string): Promise<boolean> => {
  const ask = async () => secondFactorSetupPending(await getDb(), { id: userId });
  return (await keptSetUpChecks.get(userId, ask)) && ask();
});

export const secondFactorSetupPath = '/account/two-factor';

/** For actions and routes other than the set-up's own: refused until the second factor is set up. */
export async function assertSecondFactorSetUp(user: { id: string }): Promise<void> {
  if (await mustSetUpSecondFactor(user.id))
    throw new AppError('forbidden', 'Set up two-factor sign-in first (Account → Two-factor sign-in).');
}
