import 'server-only';
import { LRUCache } from 'lru-cache';

// The side menu shows each saved view's count on every page. Counting a view is its list's own
// count, which for a text search can read thousands of rows, so a count is kept for a short while
// per person and view: a page view then costs nothing for views counted moments ago. On
// globalThis, as every process-wide memory here, since each Next.js bundle loads modules apart.

const keptForMs = 30_000;
const memoryKey = Symbol.for('it-assets-manager.saved-view-counts');

function memory(): LRUCache<string, number> {
  const holder = globalThis as { [memoryKey]?: LRUCache<string, number> };
  return (holder[memoryKey] ??= new LRUCache<string, number>({ max: 20_000, ttl: keptForMs }));
}

/** The view's count as counted within the last half minute for this person, or counted now. */
export async function rememberedCount(
  viewer: string,
  view: { id: string; query: string },
  count: () => Promise<number>,
): Promise<number> {
  const key = `${viewer} ${view.id} ${view.query}`;
  const known = memory().get(key);
  if (known !== undefined) return known;
  const counted = await count();
  memory().set(key, counted);
  return counted;
}
