import 'server-only';
import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Executor } from '../db/client';
import { apiTokenRateWindows } from '../db/schema-tokens';

// API_RATE_LIMIT requests per token per minute (fixed windows on the minute), counted in the
// database so that the limit holds across processes. Writing the count on every request would cost
// a busy script a write each time, so a process claims a fiftieth of the limit at once and spends
// it from memory, asking for the next claim while a quarter of the last is still left, so a busy
// token's requests never wait for that write. A token at its limit costs a process at most fifty
// claims a minute, whatever the limit: a claim (an upsert) costs the CPU of many remembered
// requests. The database never grants more than the limit in a window; the price is that a process
// may still hold unspent requests while another is refused, at most a claim and a quarter (2.5 % of
// the limit) per process.

const windowMs = 60_000;

// `exhausted`: the database granted nothing more in this window, so nobody need ask it again until
// the next. `claimMore` asks for the next claim in the background when `remaining` reaches `lowWater`.
type Lease = {
  windowStart: number;
  remaining: number;
  lowWater: number;
  exhausted?: boolean;
  claiming?: Promise<void>;
  claimMore?: () => void;
};
const memoryKey = Symbol.for('it-assets-manager.api-rate-leases');

function leases(): LRUCache<string, Lease> {
  const holder = globalThis as { [memoryKey]?: LRUCache<string, Lease> };
  return (holder[memoryKey] ??= new LRUCache<string, Lease>({ max: 10_000 }));
}

export const claimSize = (limit: number) => Math.max(1, Math.floor(limit / 50));

const windowOf = (now: number) => Math.floor(now / windowMs) * windowMs;

/** Seconds until the window that holds `now` ends, at least 1 (for Retry-After). */
export const secondsToNextWindow = (now: number) => Math.max(1, Math.ceil((windowOf(now) + windowMs - now) / 1000));

/** Spends one request of this process's claim for the current window, without waiting; false when none is left. */
export function takeFromClaim(tokenId: string, now = Date.now()): boolean {
  const lease = leases().get(tokenId);
  if (!lease || lease.windowStart !== windowOf(now) || lease.remaining <= 0) return false;
  lease.remaining -= 1;
  if (lease.remaining === lease.lowWater && !lease.claiming && !lease.exhausted) lease.claimMore?.();
  return true;
}

/** Starts a claim into `lease`; while it runs, `lease.claiming` is what other requests wait for. */
function claimInto(lease: Lease, claim: () => Promise<number>): Promise<number> {
  const claimed = claim();
  const claiming = claimed.then(
    (count) => {
      lease.remaining += count;
      lease.exhausted = count === 0;
    },
    () => undefined, // a failed claim grants nothing; the next request that finds none left asks again
  );
  lease.claiming = claiming;
  void claiming.then(() => {
    if (lease.claiming === claiming) lease.claiming = undefined;
  });
  return claimed;
}

/** Claims up to a claim's worth of the window's requests in the database; returns how many it got. */
async function claimFromDatabase(executor: Executor, tokenId: string, limit: number, windowStart: number) {
  const size = claimSize(limit);
  const start = new Date(windowStart);
  const sameWindow = sql`${apiTokenRateWindows.windowStart} >= excluded.window_start`;
  const used = sql`least(${apiTokenRateWindows.used} + ${size}, ${limit})`;
  const [row] = await executor
    .insert(apiTokenRateWindows)
    .values({ tokenId, windowStart: start, used: Math.min(size, limit), granted: Math.min(size, limit) })
    .onConflictDoUpdate({
      target: apiTokenRateWindows.tokenId,
      set: {
        // Every expression reads the row as it was, so `granted` is what this claim added.
        used: sql`case when ${sameWindow} then ${used} else excluded.used end`,
        granted: sql`case when ${sameWindow} then ${used} - ${apiTokenRateWindows.used} else excluded.granted end`,
        windowStart: sql`greatest(${apiTokenRateWindows.windowStart}, excluded.window_start)`,
      },
    })
    .returning({ granted: apiTokenRateWindows.granted });
  return row?.granted ?? 0;
}

/**
 * Counts one request of `tokenId`: 0 when it may go on, else the seconds until the next window
 * (the 429's Retry-After).
 */
export async function countTokenRequest(executor: Executor, tokenId: string, limit: number): Promise<number> {
  for (;;) {
    const now = Date.now();
    if (takeFromClaim(tokenId, now)) return 0;
    const windowStart = windowOf(now);
    const known = leases().get(tokenId);
    if (known?.exhausted && known.windowStart === windowStart) return secondsToNextWindow(now);
    // One claim at a time per token in this process; the others wait for it and then spend from it.
    if (known?.claiming && known.windowStart === windowStart) {
      await known.claiming;
      continue;
    }
    const lease: Lease = { windowStart, remaining: 0, lowWater: Math.floor(claimSize(limit) / 4) };
    const claim = () => claimFromDatabase(executor, tokenId, limit, windowStart);
    lease.claimMore = () => void claimInto(lease, claim).catch(() => undefined);
    leases().set(tokenId, lease);
    const granted = await claimInto(lease, claim);
    if (granted === 0) return secondsToNextWindow(Date.now());
  }
}

/** Forgets this process's claims (tests that change API_RATE_LIMIT, or a revoked token). */
export function forgetRateClaims(tokenId?: string): void {
  if (tokenId) leases().delete(tokenId);
  else leases().clear();
}
