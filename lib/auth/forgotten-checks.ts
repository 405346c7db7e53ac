import 'server-only';
import { LRUCache } from 'lru-cache';

// When this process forgot the remembered checks of a session, a user or a token. It forgets them
// inside the transaction that revokes or changes them, before that commits: a check read between
// the two still finds the old rows, and remembering it would keep a revoked session or token
// working here for a whole SESSION_CHECK_CACHE. So a check of something forgotten within that
// bound is used for its request but not remembered. On globalThis, as the caches are.

export type ForgottenKey = `session:${string}` | `user:${string}` | `token:${string}`;

const memoryKey = Symbol.for('it-assets-manager.forgotten-checks');

function forgottenAt(): LRUCache<ForgottenKey, number> {
  const holder = globalThis as { [memoryKey]?: LRUCache<ForgottenKey, number> };
  return (holder[memoryKey] ??= new LRUCache<ForgottenKey, number>({ max: 10_000 }));
}

/** Notes the keys as forgotten now; 'all' is a fresh start (every cache emptied), which notes nothing. */
export function noteForgotten(keys: ForgottenKey[] | 'all'): void {
  if (keys === 'all') return forgottenAt().clear();
  const now = Date.now();
  for (const key of keys) forgottenAt().set(key, now);
}

/** Whether any of `keys` was forgotten less than `withinMs` ago. */
export function forgottenWithin(keys: ForgottenKey[], withinMs: number): boolean {
  const now = Date.now();
  return keys.some((key) => now - (forgottenAt().get(key) ?? -Infinity) < withinMs);
}
