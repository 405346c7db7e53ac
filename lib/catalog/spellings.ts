import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../db/client';
import { catalogValues, type CatalogKind } from '../db/schema-catalog';
import { sameName, type CatalogFieldKinds } from './kinds';

// The managed lists as the forms see them: suggestions, and the one spelling a value is saved in,
// whatever case it was typed in.

export type CatalogSuggestions = Record<CatalogKind, string[]>;

/** Every listed value of each kind, alphabetically, for the forms' suggestions. */
export async function listCatalogSuggestions(executor: Executor): Promise<CatalogSuggestions> {
  const rows = await executor
    .select({ kind: catalogValues.kind, name: catalogValues.name })
    .from(catalogValues)
    .orderBy(asc(sql`lower(${catalogValues.name})`));
  const suggestions: CatalogSuggestions = {
    category: [],
    manufacturer: [],
    model: [],
    ticket_category: [],
    kb_category: [],
  };
  for (const row of rows) suggestions[row.kind].push(row.name);
  return suggestions;
}

/** The listed values of one kind, alphabetically. */
export async function listCatalogNames(executor: Executor, kind: CatalogKind): Promise<string[]> {
  const rows = await executor
    .select({ name: catalogValues.name })
    .from(catalogValues)
    .where(eq(catalogValues.kind, kind))
    .orderBy(asc(sql`lower(${catalogValues.name})`));
  return rows.map((row) => row.name);
}

/** The listed value of `kind` spelled like `name` in any letter case (other than `except`), or null. */
export async function findListed(
  executor: Executor,
  kind: CatalogKind,
  name: string,
  except?: string,
): Promise<{ id: string; name: string } | null> {
  const [row] = await executor
    .select({ id: catalogValues.id, name: catalogValues.name })
    .from(catalogValues)
    .where(
      and(
        eq(catalogValues.kind, kind),
        sameName(catalogValues.name, name),
        except ? ne(catalogValues.id, except) : undefined,
      ),
    );
  return row ?? null;
}

type ListedFields<Kinds extends CatalogFieldKinds> = Partial<Record<keyof Kinds, string | null>>;

const keyOf = (kind: CatalogKind, name: string) => `${kind}:${name.toLowerCase()}`;

/**
 * Each of `list` with its fields named in `kinds` (field → list) in the spelling the list has for
 * them; a value not listed yet joins the list as first typed. Two saves adding the same new value
 * at once agree on one spelling: the unique index keeps the first, and both read it back.
 */
export async function inListedSpellings<Kinds extends CatalogFieldKinds, Fields extends ListedFields<Kinds>>(
  tx: Transaction,
  kinds: Kinds,
  list: readonly Fields[],
): Promise<Fields[]> {
  const fieldKinds = Object.entries(kinds) as [keyof Kinds & string, CatalogKind][];
  const typed = new Map<string, { kind: CatalogKind; name: string }>();
  for (const fields of list) {
    for (const [field, kind] of fieldKinds) {
      const name = fields[field];
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
    const spelled: ListedFields<Kinds> = { ...fields };
    for (const [field, kind] of fieldKinds) {
      const name = fields[field];
      if (typeof name === 'string' && name !== '') spelled[field] = spelling.get(keyOf(kind, name)) ?? name;
    }
    return spelled as Fields;
  });
}

/** `fields` with its listed spellings (inListedSpellings for one record). */
export async function inListedSpelling<Kinds extends CatalogFieldKinds, Fields extends ListedFields<Kinds>>(
  tx: Transaction,
  kinds: Kinds,
  fields: Fields,
): Promise<Fields> {
  const [spelled] = await inListedSpellings(tx, kinds, [fields]);
  return spelled;
}
