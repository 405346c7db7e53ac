import 'server-only';
import { LRUCache } from 'lru-cache';
import { getConfig } from './config';

// Figures that many page views in a row may share: a saved view's count in the side menu, the
// dashboard's charts. Each is kept for a short while, and dropped as soon as this process has
// changed data (`changesCommitted`: the boundary calls it after every server action and every
// state-changing route, the job worker after every job), so whoever made a change sees it on their
// next page from the same process; a change made by another process shows when the figure's time
// is up. Concurrent requests for a figure being worked out wait for that one answer instead of
// asking the database again. On globalThis, as every process-wide memory here, since each Next.js
// bundle loads modules apart.

type Kept<T> = { generation: number; value: Promise<T> };
type Memory = { generation: number; kinds: Map<string, LRUCache<string, Kept<unknown>>> };

const memoryKey = Symbol.for('it-assets-manager.kept-results');

function memory(): Memory {
  const holder = globalThis as { [memoryKey]?: Memory };
  return (holder[memoryKey] ??= { generation: 0, kinds: new Map() });
}

/** Forgets every kept result: this process has just changed data (or tried to). */
export function changesCommitted(): void {
  memory().generation += 1;
}

/** How long the figures every agent sees alike (the dashboard's, a list's filter choices) are kept. */
export const sharedFiguresKeptForMs = 10_000;

/**
 * How long what every page asks about its viewer (their time zone, their saved views, whether they
 * must set up a second factor) is kept: as long as their session check, SESSION_CHECK_CACHE, so a
 * change made through another process shows within the same bound as a role change or a sign-out.
 */
export const viewerFactsKeptForMs = (): number => getConfig().session.checkCacheMs;

/**
 * One kind of kept result: `get(key, work)` answers what a `work` for `key` started within the
 * last `keptForMs` (and since this process last changed data) answered, else runs `work` and keeps
 * its answer. A failed `work` is not kept; with `keptForMs` 0 nothing is.
 */
export function keptResults<T>(kind: string, options: { keptForMs: number | (() => number); max: number }) {
  return {
    async get(key: string, work: () => PromiseLike<T>): Promise<T> {
      const state = memory();
      let kept = state.kinds.get(kind) as LRUCache<string, Kept<T>> | undefined;
      if (!kept) {
        const keptForMs = typeof options.keptForMs === 'function' ? options.keptForMs() : options.keptForMs;
        // lru-cache reads a ttl of 0 as "forever".
        if (keptForMs <= 0) return work();
        kept = new LRUCache<string, Kept<T>>({ max: options.max, ttl: keptForMs });
        state.kinds.set(kind, kept as LRUCache<string, Kept<unknown>>);
      }
      const known = kept.get(key);
      if (known && known.generation === state.generation) return known.value;
      // Drizzle's queries are thenables that run again on every await: made a promise, it runs once.
      const entry: Kept<T> = { generation: state.generation, value: Promise.resolve(work()) };
      kept.set(key, entry);
      try {
        return await entry.value;
      } catch (error) {
        if (kept.get(key) === entry) kept.delete(key);
        throw error;
      }
    },
  };
}
