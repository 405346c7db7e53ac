import 'server-only';
import { LRUCache } from 'lru-cache';
import type { ApiTokenScope } from '../db/schema-tokens';
import { usualAuthorization } from './api-token-format';
import { forgottenWithin, noteForgotten } from './forgotten-checks';
import type { SessionUser } from './session-types';

// The process's memory of recent API token checks, like session-cache.ts's for cookies: a check is
// trusted for at most SESSION_CHECK_CACHE from when its database read began (the bound within
// which another process sees a revocation, a disabled user or a new role), and forgotten at once
// when this process revokes the token or changes its user. On globalThis for the same reason: the
// server and every Next.js bundle load this module separately.

export type TokenCheck = {
  token: { id: string; scope: ApiTokenScope; prefix: string; expiresAt: Date };
  user: SessionUser;
};

type Memory = {
  checks: LRUCache<string, TokenCheck>;
  // Each token's addresses known to be recorded, so only a new address costs a write.
  addresses: LRUCache<string, Set<string>>;
};

const memoryKey = Symbol.for('it-assets-manager.api-token-memory');
const maxAddresses = 20_000;
// A token used from more addresses starts its set afresh: an address forgotten costs one write that finds its row.
const maxAddressesPerToken = 100;

function memory(): Memory {
  const holder = globalThis as { [memoryKey]?: Memory };
  if (holder[memoryKey]) return holder[memoryKey];
  const checks = new LRUCache<string, TokenCheck>({ max: 10_000, updateAgeOnGet: false });
  setInterval(() => checks.purgeStale(), 1000).unref();
  // Sized in addresses, over every token.
  const addresses = new LRUCache<string, Set<string>>({
    maxSize: maxAddresses,
    sizeCalculation: (known) => known.size,
  });
  return (holder[memoryKey] = { checks, addresses });
}

/** The check remembered under `authorization`, a token's usual header (`usualAuthorization`); any other text misses. */
export function recallTokenCheck(authorization: string): TokenCheck | undefined {
  return memory().checks.get(authorization);
}

/** Remembers a check for `ttlMs` from `checkedAt` (when the database read began), never past the token's expiry. */
export function rememberTokenCheck(token: string, check: TokenCheck, ttlMs: number, checkedAt: number): void {
  const remaining = Math.min(ttlMs - (Date.now() - checkedAt), check.token.expiresAt.getTime() - Date.now());
  if (remaining <= 0 || forgottenWithin([`token:${check.token.id}`, `user:${check.user.id}`], ttlMs)) return;
  memory().checks.set(usualAuthorization(token), check, { ttl: remaining });
}

/** Forgets remembered checks of one token, of one user's tokens, or all of them. */
export function forgetTokenChecks(match: { userId?: string; tokenId?: string } | 'all'): void {
  noteForgotten(
    match === 'all'
      ? 'all'
      : [
          ...(match.userId ? [`user:${match.userId}` as const] : []),
          ...(match.tokenId ? [`token:${match.tokenId}` as const] : []),
        ],
  );
  const { checks } = memory();
  if (match === 'all') return checks.clear();
  for (const [token, check] of checks.entries()) {
    if (check.user.id === match.userId || check.token.id === match.tokenId) checks.delete(token);
  }
}

export function isKnownTokenAddress(tokenId: string, ipAddress: string): boolean {
  return memory().addresses.get(tokenId)?.has(ipAddress) ?? false;
}

export function rememberTokenAddress(tokenId: string, ipAddress: string): void {
  const { addresses } = memory();
  const known = addresses.get(tokenId);
  // Set again, so that the cache counts the set's new size.
  if (known && known.size < maxAddressesPerToken) addresses.set(tokenId, known.add(ipAddress));
  else addresses.set(tokenId, new Set([ipAddress]));
}
