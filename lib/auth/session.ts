import 'server-only';
import { getConfig } from '../config';
import { setDatabaseAvailable } from '../db/availability';
import { getDb } from '../db/client';
import { isConnectionFailure } from '../db/errors';
import { describeError, log } from '../log';
import {
  recallSessionCheck,
  recallVerifiedSeal,
  rememberSessionCheck,
  rememberVerifiedSeal,
  type VerifiedSeal,
} from './session-cache';
import { randomBytes } from 'node:crypto';
import {
  challengeCookie,
  challengeCookieValue,
  clearedSessionCookie,
  sessionCookie,
  sessionCookieValues,
  type ChallengeCookie,
  type SessionCookie,
} from './session-cookie';
import {
  nowSeconds,
  sealChallenge,
  sealClaim,
  unsealChallenge,
  unsealClaim,
  type SecondFactorChallenge,
} from './session-seal';
import { findLiveSession } from './session-store';
import type { SessionClaim, SignedIn } from './session-types';

// The one session module: it turns a request's Cookie header into who is signed in, and says which
// cookie to send back. middleware.ts (the seal only), the boundary (lib/boundary/) and the
// server's own routes (server/direct-routes.ts) all call resolveSession; nothing else unseals,
// re-seals or clears the cookie.

export type { SessionClaim, SignedIn };

export type ResolvedSession = {
  /** What the cookie says, when one of ours unsealed: ids only, not yet checked against the database. */
  claim: SessionClaim | null;
  /** Set when the database was asked and the session is live with an active user. */
  signedIn: SignedIn | null;
  /** To send back: the cookie re-sealed with the newest secret, or cleared because it is not valid. */
  cookie: SessionCookie | null;
};

/**
 * The remembered answer for this Cookie header, without waiting for anything; undefined when the
 * cookie must be unsealed or the database asked. For the server's hot path, where an await costs.
 */
export function recentSession(cookieHeader: string | null | undefined): SignedIn | undefined {
  return cookieHeader ? recallSessionCheck(cookieHeader) : undefined;
}

/**
 * Resolves a request's Cookie header. `database: false` (middleware) stops at the seal: an
 * optimistic answer that every page, action and route checks again with the database.
 */
export async function resolveSession(
  cookieHeader: string | null | undefined,
  protocol: string,
  options: { database?: boolean } = {},
): Promise<ResolvedSession> {
  const signedInBefore = recentSession(cookieHeader);
  if (signedInBefore) return { claim: claimOf(signedInBefore), signedIn: signedInBefore, cookie: null };

  const config = getConfig();
  const values = sessionCookieValues(cookieHeader);
  let unsealed: VerifiedSeal | null = null;
  for (const value of values) {
    if ((unsealed = await verifiedSeal(value, config.session.secrets))) break;
  }
  if (!unsealed)
    return { claim: null, signedIn: null, cookie: values.length > 0 ? clearedSessionCookie(config, protocol) : null };

  const { claim, sealedWithNewest } = unsealed;
  // Sealed with an older secret of the rotation list: sent back sealed with the newest one.
  const cookie = sealedWithNewest
    ? null
    : sessionCookie(config, protocol, await sealClaim(claim, config.session.secrets), claim.persistent, claim.exp);
  if (options.database === false) return { claim, signedIn: null, cookie };

  const checkedAt = Date.now();
  const signedIn = await findLiveSessionReportingOutage(claim);
  if (signedIn && sealedWithNewest && cookieHeader)
    rememberSessionCheck(cookieHeader, signedIn, config.session.checkCacheMs, checkedAt);
  return { claim, signedIn, cookie };
}

async function verifiedSeal(value: string, secrets: string[]): Promise<VerifiedSeal | null> {
  const known = recallVerifiedSeal(value);
  if (known) return known;
  const unsealed = await unsealClaim(value, secrets);
  if (unsealed) rememberVerifiedSeal(value, unsealed);
  return unsealed;
}

async function findLiveSessionReportingOutage(claim: SessionClaim): Promise<SignedIn | null> {
  try {
    return await findLiveSession(await getDb(), getConfig(), claim.sid, claim.uid);
  } catch (error) {
    // The first request to find the database gone tells middleware at once, without waiting for the probe.
    if (isConnectionFailure(error) && setDatabaseAvailable(false))
      log.error('database.unavailable', { message: describeError(error).message });
    throw error;
  }
}

const claimOf = ({ token, user, session }: SignedIn): SessionClaim => {
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  return { sid: token, uid: user.id, iat: nowSeconds(), exp, persistent: session.persistent };
};

/** The cookie for a session just opened (sign-in). */
export async function newSessionCookie(
  opened: { token: string; userId: string; persistent: boolean; expiresAt: Date },
  protocol: string,
): Promise<SessionCookie> {
  const config = getConfig();
  const exp = Math.floor(opened.expiresAt.getTime() / 1000);
  const value = await sealClaim(
    { sid: opened.token, uid: opened.userId, exp, persistent: opened.persistent },
    config.session.secrets,
  );
  return sessionCookie(config, protocol, value, opened.persistent, exp);
}

/** The cookie that removes ours (sign-out). */
export function signedOutCookie(protocol: string): SessionCookie {
  return clearedSessionCookie(getConfig(), protocol);
}

// How long a sign-in waits for its second-factor code after the password was right.
const challengeSeconds = 5 * 60;

/** The cookie that lets this browser send a code for `userId` in the next five minutes; not a session. */
export async function secondFactorChallengeCookie(
  pending: { userId: string; remember: boolean },
  protocol: string,
): Promise<ChallengeCookie> {
  const config = getConfig();
  const challenge: SecondFactorChallenge = {
    uid: pending.userId,
    nonce: randomBytes(16).toString('base64url'),
    remember: pending.remember,
    exp: nowSeconds() + challengeSeconds,
  };
  return challengeCookie(config, protocol, await sealChallenge(challenge, config.session.secrets), challengeSeconds);
}

/** The pending sign-in a request's Cookie header carries, or null (none, expired, tampered). */
export async function readSecondFactorChallenge(
  cookieHeader: string | null | undefined,
): Promise<SecondFactorChallenge | null> {
  const value = challengeCookieValue(cookieHeader);
  return value ? unsealChallenge(value, getConfig().session.secrets) : null;
}

/** The cookie that ends a pending sign-in (done, or abandoned). */
export function clearedChallengeCookie(protocol: string): ChallengeCookie {
  return challengeCookie(getConfig(), protocol, '', 0);
}
