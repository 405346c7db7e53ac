import 'server-only';
import type { ValidSession } from './session-store';

// A per-process shortcut in front of the session lookup. An entry is trusted for at most
// SESSION_CHECK_CACHE (2 s by default): that is how long another process may take to see a
// revocation. Revocations and user changes made by this process drop entries at once.
type Entry = { value: ValidSession; storedAt: number };
const cacheKey = Symbol.for('it-assets-manager.session-cache');
const maxEntries = 50_000;

function entries(): Map<string, Entry> {
  const holder = globalThis as { [cacheKey]?: Map<string, Entry> };
  return (holder[cacheKey] ??= new Map());
}

export function readCachedSession(tokenHash: string, maxAgeMs: number): ValidSession | null {
  const entry = entries().get(tokenHash);
  if (!entry) return null;
  if (Date.now() - entry.storedAt >= maxAgeMs) {
    entries().delete(tokenHash);
    return null;
  }
  return entry.value;
}

export function cacheSession(tokenHash: string, value: ValidSession, maxAgeMs: number): void {
  if (maxAgeMs <= 0) return;
  const map = entries();
  if (map.size >= maxEntries) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let toDrop = Math.ceil(maxEntries / 10);
    for (const key of map.keys()) {
      map.delete(key);
      if (--toDrop === 0) break;
    }
  }
  map.set(tokenHash, { value, storedAt: Date.now() });
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
