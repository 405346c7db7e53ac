import 'server-only';
import type { SessionUser, ValidSession } from './session-store';

// A per-process shortcut in front of the session lookup. An entry is trusted for at most
// SESSION_CHECK_CACHE (2 s by default): that is how long another process may take to see a
// revocation. Revocations and user changes made by this process drop entries at once.
// Expired entries are dropped as soon as any lookup or store passes by, not when the cache is
// full: otherwise tens of thousands of dead entries would sit in memory long after their 2 s.
// Keyed by the session token itself (the remembered cookie seals hold it in this process's memory
// too), so a request that finds its check here hashes nothing.
type Entry = { value: ValidSession; storedAt: number };
const cacheKey = Symbol.for('it-assets-manager.session-cache');
const maxEntries = 50_000;

function entries(): Map<string, Entry> {
  const holder = globalThis as { [cacheKey]?: Map<string, Entry> };
  return (holder[cacheKey] ??= new Map());
}

// Entries are kept in the order they were stored (see cacheSession), so the expired ones are at
// the front and this stops at the first live one. (Checks that overlapped may be stored slightly out
// of order; an expired entry left behind that way is still refused by its age in readCachedSession.)
function dropExpired(map: Map<string, Entry>, maxAgeMs: number, now: number): void {
  for (const [key, entry] of map) {
    if (now - entry.storedAt < maxAgeMs) return;
    map.delete(key);
  }
}

export function readCachedSession(token: string, maxAgeMs: number): ValidSession | null {
  const map = entries();
  const now = Date.now();
  dropExpired(map, maxAgeMs, now);
  const entry = map.get(token);
  if (!entry) return null;
  if (now - entry.storedAt >= maxAgeMs) {
    map.delete(token);
    return null;
  }
  return entry.value;
}

/**
 * `checkedAt` is when the database check began, not when it answered: a revocation committed while
 * the check was in flight must still be seen within `maxAgeMs` of its commit.
 */
export function cacheSession(token: string, value: ValidSession, maxAgeMs: number, checkedAt: number): void {
  if (maxAgeMs <= 0) return;
  const map = entries();
  dropExpired(map, maxAgeMs, Date.now());
  if (map.size >= maxEntries) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let toDrop = Math.ceil(maxEntries / 10);
    for (const key of map.keys()) {
      map.delete(key);
      if (--toDrop === 0) break;
    }
  }
  // Deleting first moves a replaced entry to the back, which keeps the map in storage order.
  map.delete(token);
  map.set(token, { value, storedAt: checkedAt });
}

export function forgetCachedSessions(match: { userId?: string; sessionId?: string } | 'all'): void {
  const map = entries();
  if (match === 'all') {
    map.clear();
    return;
  }
  for (const [key, entry] of map) {
    if (entry.value.user.id === match.userId || entry.value.session.id === match.sessionId) map.delete(key);
  }
}

// Every check of one user's sessions shares one user object while the user's details stay the same.
// A check is then mostly that user, so it keeps little of its own for its SESSION_CHECK_CACHE, and
// what is made from the user (the /api/auth/me answer) is made once per user, not once per check
// (BENCHMARKS.md, 5. Memory). Details that changed make a new object: nothing stale is reused.
// Shared, so frozen: a caller that wrote to it would write to every session of that user.
const usersKey = Symbol.for('it-assets-manager.session-users');
const maxUsers = 10_000;

const sameDetails = (a: SessionUser, b: SessionUser) =>
  a.username === b.username && a.displayName === b.displayName && a.email === b.email && a.role === b.role;

export function sharedSessionUser(user: SessionUser): SessionUser {
  const holder = globalThis as { [usersKey]?: Map<string, SessionUser> };
  const users = (holder[usersKey] ??= new Map());
  const known = users.get(user.id);
  if (known && sameDetails(known, user)) return known;
  if (!known && users.size >= maxUsers) users.delete(users.keys().next().value!);
  const shared = Object.freeze(user);
  users.set(user.id, shared);
  return shared;
}
