import 'server-only';
import { LRUCache } from 'lru-cache';
import type { SessionUser, SignedIn } from './session-types';

// The process's memory of recent session checks, and of the users they belong to. Both live on
// globalThis: the custom server, middleware and every Next.js bundle load this module separately
// but must share one memory.
//
// A check is remembered under the request's whole Cookie header: a browser or script sends the
// same header on every request, so a request found here neither parses, unseals nor hashes
// anything. It is trusted for at most SESSION_CHECK_CACHE from when the database check began:
// that is how long another process may take to see a revocation. Revocations and user changes
// made in this process forget entries at once.

const maxChecks = 20_000;
// A longer header (many unrelated cookies) is checked every time rather than held in memory.
const maxHeaderLength = 2048;
const maxUsers = 10_000;

type Memory = { checks: LRUCache<string, SignedIn> | null; users: LRUCache<string, SessionUser>; ttlMs: number };
const memoryKey = Symbol.for('it-assets-manager.session-memory');

function memory(ttlMs: number): Memory {
  const holder = globalThis as { [memoryKey]?: Memory };
  const existing = holder[memoryKey];
  if (existing && existing.ttlMs === ttlMs) return existing;
  const checks =
    ttlMs > 0 ? new LRUCache<string, SignedIn>({ max: maxChecks, ttl: ttlMs, updateAgeOnGet: false }) : null;
  // Expired checks are dropped as they expire rather than when the cache is full: otherwise tens
  // of thousands of dead entries would sit in memory long after their few seconds.
  if (checks) setInterval(() => checks.purgeStale(), ttlMs).unref();
  return (holder[memoryKey] = { checks, users: existing?.users ?? new LRUCache({ max: maxUsers }), ttlMs });
}

/** The check remembered for this Cookie header, if it is younger than `ttlMs`. */
export function recallSessionCheck(cookieHeader: string, ttlMs: number): SignedIn | undefined {
  return memory(ttlMs).checks?.get(cookieHeader);
}

/** `checkedAt` is when the database check began: a revocation committed meanwhile must still be seen within the bound. */
export function rememberSessionCheck(cookieHeader: string, signedIn: SignedIn, ttlMs: number, checkedAt: number): void {
  const checks = memory(ttlMs).checks;
  // Never past the session's own expiry, however recent the check.
  const remaining = Math.min(ttlMs - (Date.now() - checkedAt), signedIn.session.expiresAt.getTime() - Date.now());
  if (!checks || remaining <= 0 || cookieHeader.length > maxHeaderLength) return;
  checks.set(cookieHeader, signedIn, { ttl: remaining });
}

/** Forgets remembered checks of one session, of one user, or all of them. */
export function forgetSessionChecks(match: { userId?: string; sessionId?: string } | 'all'): void {
  const holder = globalThis as { [memoryKey]?: Memory };
  const checks = holder[memoryKey]?.checks;
  if (!checks) return;
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
export function sharedSessionUser(user: SessionUser, ttlMs: number): SessionUser {
  const { users } = memory(ttlMs);
  const known = users.get(user.id);
  if (known && sameDetails(known, user)) return known;
  const shared = Object.freeze({ ...user });
  users.set(user.id, shared);
  return shared;
}
