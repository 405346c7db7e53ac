import 'server-only';
import { LRUCache } from 'lru-cache';
import type { Sql } from 'postgres';

// drizzle sends every statement unnamed, so PostgreSQL parses it again each time, and postgres.js
// first asks for its description: two round trips. A statement this process sends often is
// prepared instead: postgres.js names it once per connection, then sends only its parameters.
//
// PostgreSQL plans a prepared statement for its values five times, then keeps one plan for all
// values when that plan costs no more (plan_cache_mode auto): a ticket list's plan takes longer
// to make than to run. A text search is never prepared, so it is planned for its words each time:
// a plan kept for every word assumes any word is as common as any other, and a common one then
// reads the table instead of the index.
// Nor is a page past the first (OFFSET): one plan for every offset and filter reads a deep page
// of a short list slower than a plan made for them. An EXPLAIN is asked for the plan of these
// values, so it is never prepared either.
//
// A prepared statement holds memory in every connection that ran it, for as long as that
// connection lives, so only what this process sends most is prepared: a text seen
// `preparedAfterUses` times, of at most `maxPreparedTexts`. The rest stays unnamed.
// DATABASE_PREPARED_STATEMENTS=false turns this off, for a pooler that cannot carry prepared
// statements (PgBouncer in transaction mode before 1.21).

export const preparedAfterUses = 3;
export const maxPreparedTexts = 100;
// Texts counted towards preparation; one used rarely is forgotten before it counts.
const countedTexts = 2_000;

// Matches a text search (tsquery, LIKE, ILIKE), an OFFSET or an EXPLAIN, as drizzle writes them.
const plannedForItsValues = /\s@@\s|\s(?:i?like|offset)\s|^\s*explain\b/i;

/** Decides, text by text, whether a statement is prepared; one policy per client. */
export function preparationPolicy(): (text: string) => boolean {
  const prepared = new Set<string>();
  const uses = new LRUCache<string, number>({ max: countedTexts });
  return (text) => {
    if (prepared.has(text)) return true;
    if (plannedForItsValues.test(text)) return false;
    if (prepared.size >= maxPreparedTexts) return false;
    const count = (uses.get(text) ?? 0) + 1;
    if (count < preparedAfterUses) {
      uses.set(text, count);
      return false;
    }
    uses.delete(text);
    prepared.add(text);
    return true;
  };
}

/**
 * Makes `client.unsafe` (what drizzle sends every statement through, outside transactions)
 * prepare the statements `preparationPolicy` picks. A statement without parameters goes by the
 * simple protocol, which has no prepared form.
 */
export function prepareFrequentStatements(client: Sql): void {
  const unsafe = client.unsafe.bind(client);
  const shouldPrepare = preparationPolicy();
  client.unsafe = ((text: string, parameters?: unknown[], options?: { prepare?: boolean }) =>
    unsafe(text, parameters as never, {
      ...options,
      prepare: Boolean(options?.prepare) || (Boolean(parameters?.length) && shouldPrepare(text)),
    })) as Sql['unsafe'];
}
