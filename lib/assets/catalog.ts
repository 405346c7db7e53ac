import 'server-only';
import { asc, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../db/client';
import { catalogKinds, catalogValues, type CatalogKind } from '../db/schema-catalog';

// The asset form's managed lists (category, manufacturer, model): suggestions, and the one
// spelling a value is saved in, whatever case it was typed in.

export type CatalogSuggestions = Record<CatalogKind, string[]>;

/** Every listed value of each kind, alphabetically, for the asset form's suggestions. */
export async function listCatalogSuggestions(executor: Executor): Promise<CatalogSuggestions> {
  const rows = await executor
    .select({ kind: catalogValues.kind, name: catalogValues.name })
    .from(catalogValues)
    .orderBy(asc(sql`lower(${catalogValues.name})`));
  const suggestions: CatalogSuggestions = { category: [], manufacturer: [], model: [] };
  for (const row of rows) suggestions[row.kind].push(row.name);
  return suggestions;
}

type CatalogFields = Partial<Record<CatalogKind, string | null>>;

const keyOf = (kind: CatalogKind, name: string) => `${kind}:${name.toLowerCase()}`;

/**
 * Each of `list` with its category, manufacturer and model in the spelling the list has for them;
 * a value not listed yet joins the list as first typed. Two saves adding the same new value at once
 * agree on one spelling: the unique index keeps the first, and both read it back.
 */
export async function inListedSpellings<Fields extends CatalogFields>(
  tx: Transaction,
  list: readonly Fields[],
): Promise<Fields[]> {
  const typed = new Map<string, { kind: CatalogKind; name: string }>();
  for (const fields of list) {
    for (const kind of catalogKinds) {
      const name = fields[kind];
      if (typeof name === 'string' && name !== '' && !typed.has(keyOf(kind, name)))
        typed.set(keyOf(kind, name), { kind, name });
    }
  }
  if (typed.size === 0) return [...list];
  await tx
    .insert(catalogValues)
    .values([...typed.values()])
    .onConflictDoNothing();
  const listed = await tx
    .select({ kind: catalogValues.kind, name: catalogValues.name })
    .from(catalogValues)
    .where(
      inArray(sql`lower(${catalogValues.name})`, [
        ...new Set([...typed.values()].map(({ name }) => name.toLowerCase())),
      ]),
    );
  const spelling = new Map(listed.map((row) => [keyOf(row.kind, row.name), row.name]));
  return list.map((fields) => {
    const spelled: CatalogFields = { ...fields };
    for (const kind of catalogKinds) {
      const name = fields[kind];
      if (typeof name === 'string' && name !== '') spelled[kind] = spelling.get(keyOf(kind, name)) ?? name;
    }
    return spelled as Fields;
  });
}

/** `fields` with its listed spellings (inListedSpellings for one asset). */
export async function inListedSpelling<Fields extends CatalogFields>(tx: Transaction, fields: Fields): Promise<Fields> {
  const [spelled] = await inListedSpellings(tx, [fields]);
  return spelled;
}
