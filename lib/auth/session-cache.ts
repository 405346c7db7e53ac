import 'server-only';
import { LRUCache } from 'lru-cache';
import { sha256 } from '../crypto/sha256';
import { forgetTokenChecks } from './api-token-cache';
import { forgottenWithin, noteForgotten } from './forgotten-checks';
import type { SessionClaim, SessionUser, SignedIn } from './session-types';

// The process's memory of recent session checks, of seals it verified, and of the users the checks
// belong to. All live on globalThis: the custom server, middleware and every Next.js bundle load
// this module separately but must share one memory.
//
// A check is remembered under the request's whole Cookie header: a browser or script sends the
// same header on every request, so a request found here neither parses, unseals nor hashes
// anything. It is trusted for at most SESSION_CHECK_CACHE from when the database check began:
// that is how long another process may take to see a revocation. Revocations and user changes
// made in this process forget entries at once (and, for that bound, remember none of them again:
// see forgotten-checks.ts).
//
// Past that bound the database is asked again, but the seal need not be verified again: a seal
// that verified once is the same seal until it expires (its HMAC covers every byte), and verifying
// costs far more than the check itself. Verified seals are remembered under their SHA-256, which
// is a tenth of a seal's length, until they expire.

const maxChecks = 20_000;
// A longer header (many unrelated cookies) is checked every time rather than held in memory.
const maxHeaderLength = 2048;
const maxUsers = 10_000;
const maxSeals = 20_000;

// How often expired checks are dropped: as they expire rather than when the cache is full, or tens
// of thousands of dead entries would sit in memory long after their few seconds.
const purgeEveryMs = 1000;

export type VerifiedSeal = { claim: SessionClaim; sealedWithNewest: boolean };
type Memory = {
  checks: LRUCache<string, SignedIn>;
  seals: LRUCache<string, VerifiedSeal>;
  users: LRUCache<string, SessionUser>;
};
const memoryKey = Symbol.for('it-assets-manager.session-memory');

function memory(): Memory {
  const holder = globalThis as { [memoryKey]?: Memory };
  if (holder[memoryKey]) return holder[memoryKey];
  // Each entry gets its own time to live when it is stored (see rememberSessionCheck).
  const checks = new LRUCache<string, SignedIn>({ max: maxChecks, updateAgeOnGet: false });
  setInterval(() => checks.purgeStale(), purgeEveryMs).unref();
  const seals = new LRUCache<string, VerifiedSeal>({ max: maxSeals, updateAgeOnGet: false });
  setInterval(() => seals.purgeStale(), 60_000).unref();
  return (holder[memoryKey] = { checks, seals, users: new LRUCache({ max: maxUsers }) });
}

const sealKey = (seal: string) => sha256(seal, 'base64url');

/** What a seal verified before holds, until the claim in it expires. */
export function recallVerifiedSeal(seal: string): VerifiedSeal | undefined {
  return memory().seals.get(sealKey(seal));
}

export function rememberVerifiedSeal(seal: string, verified: VerifiedSeal): void {
  const remainingMs = verified.claim.exp * 1000 - Date.now();
  if (remainingMs > 0) memory().seals.set(sealKey(seal), verified, { ttl: remainingMs });
}

/** The check remembered for this Cookie header, while it is younger than the bound it was stored with. */
export function recallSessionCheck(cookieHeader: string): SignedIn | undefined {
  return memory().checks.get(cookieHeader);
}

/**
 * Remembers a check for `ttlMs` (SESSION_CHECK_CACHE; 0 remembers nothing) counted from
 * `checkedAt`, when the database check began: a revocation committed meanwhile must still be seen
 * within the bound.
 */
export function rememberSessionCheck(cookieHeader: string, signedIn: SignedIn, ttlMs: number, checkedAt: number): void {
  // Never past the session's own expiry, however recent the check.
  const remaining = Math.min(ttlMs - (Date.now() - checkedAt), signedIn.session.expiresAt.getTime() - Date.now());
  if (remaining <= 0 || cookieHeader.length > maxHeaderLength) return;
  if (forgottenWithin([`session:${signedIn.session.id}`, `user:${signedIn.user.id}`], ttlMs)) return;
  memory().checks.set(cookieHeader, signedIn, { ttl: remaining });
}

/** Forgets remembered checks of one session, of one user, or all of them. */
export function forgetSessionChecks(match: { userId?: string; sessionId?: string } | 'all'): void {
  // A user's API tokens act with the same role and the same "active": forgotten with their sessions.
  if (match === 'all' || match.userId) forgetTokenChecks(match === 'all' ? 'all' : { userId: match.userId });
  noteForgotten(
    match === 'all'
      ? 'all'
      : [
          ...(match.userId ? [`user:${match.userId}` as const] : []),
          ...(match.sessionId ? [`session:${match.sessionId}` as const] : []),
        ],
  );
  const { checks } = memory();
  if (match === 'all') return checks.clear();
  for (const [header, signedIn] of checks.entries()) {
    if (signedIn.user.id === match.userId || signedIn.session.id === match.sessionId) checks.delete(header);
  }
}

const sameDetails = (a: SessionUser, b: SessionUser) =>
  a.username === b.username && a.displayName === b.displayName && a.email === b.email && a.role === b.role;

/**
 * One frozen object per user while the user's details stay the same: every check of that user
 * points at it, so a remembered check holds little of its own. Details that changed make a new
 * object, so nothing stale is reused.
 */
export function sharedSessionUser(user: SessionUser): SessionUser {
  const { users } = memory();
  const known = users.get(user.id);
  if (known && sameDetails(known, user)) return known;
  const shared = Object.freeze({ ...user });
  users.set(user.id, shared);
  return shared;
}
