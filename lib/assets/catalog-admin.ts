import 'server-only';
import { and, asc, count, eq, ne, sql, type AnyColumn } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { catalogKinds, catalogValues, type CatalogKind } from '../db/schema-catalog';
import { assets } from '../db/schema-domain';
import { AppError } from '../errors';
import { parseInput, singleLineText } from '../validation';

// Admin → Lists: the managed lists' values, each with how many assets use it; adding one,
// renaming one (on every asset that uses it, in the same transaction) and removing an unused one.

export const catalogLabels: Record<CatalogKind, { title: string; one: string }> = {
  category: { title: 'Categories', one: 'category' },
  manufacturer: { title: 'Manufacturers', one: 'manufacturer' },
  model: { title: 'Models', one: 'model' },
};

// The same limits as the asset form's fields (lib/assets/schemas.ts).
const maxLength: Record<CatalogKind, number> = { category: 64, manufacturer: 120, model: 120 };

const catalogName = singleLineText({ error: 'Enter a name.' })
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters.');

export const newCatalogValueSchema = z.object({
  kind: z.enum(catalogKinds, { error: 'Choose a category, manufacturer or model list.' }),
  name: catalogName,
});
export const catalogRenameSchema = z.object({ id: z.uuid('Unknown value.'), name: catalogName });
export const catalogRemoveSchema = z.object({ id: z.uuid('Unknown value.') });

export type CatalogEntry = { id: string; kind: CatalogKind; name: string; assets: number };

const auditCatalog = auditFor('catalog_value', (value: { kind: CatalogKind; name: string }) => ({
  kind: value.kind,
  name: value.name,
}));

const notFound = () => new AppError('not_found', 'No such list value.');

function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw notFound();
}

function assetColumn(kind: CatalogKind) {
  return kind === 'category' ? assets.category : kind === 'manufacturer' ? assets.manufacturer : assets.model;
}

const sameName = (column: AnyColumn, name: string) => eq(sql`lower(${column})`, name.toLowerCase());

/** Every value of every list, alphabetically, with the number of assets using it; admins only. */
export async function listCatalogEntries(executor: Executor, actor: Actor): Promise<CatalogEntry[]> {
  assertAdmin(actor);
  const [values, ...uses] = await Promise.all([
    executor
      .select({ id: catalogValues.id, kind: catalogValues.kind, name: catalogValues.name })
      .from(catalogValues)
      .orderBy(asc(catalogValues.kind), asc(sql`lower(${catalogValues.name})`)),
    ...catalogKinds.map((kind) => {
      const key = sql<string>`lower(${assetColumn(kind)})`;
      return executor.select({ key, uses: count() }).from(assets).groupBy(key);
    }),
  ]);
  const useCounts = new Map(
    catalogKinds.flatMap((kind, index) => uses[index].map((row) => [`${kind}:${row.key}`, row.uses] as const)),
  );
  return values.map((value) => ({ ...value, assets: useCounts.get(`${value.kind}:${value.name.toLowerCase()}`) ?? 0 }));
}

function assertLength(kind: CatalogKind, name: string): void {
  if (name.length > maxLength[kind]) {
    const message = `Use at most ${maxLength[kind]} characters.`;
    throw new AppError('validation_failed', message, { fields: { name: message } });
  }
}

function alreadyListed(name: string): AppError {
  const message = `“${name}” is already in the list.`;
  return new AppError('conflict', message, { fields: { name: message } });
}

async function findListed(tx: Transaction, kind: CatalogKind, name: string, except?: string) {
  const [row] = await tx
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

/** Adds a value to a list; one already listed in any letter case is refused, naming its spelling. */
export async function addCatalogValue(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof newCatalogValueSchema>,
): Promise<CatalogEntry> {
  assertAdmin(actor);
  const { kind, name } = parseInput(newCatalogValueSchema, input);
  assertLength(kind, name);
  const existing = await findListed(tx, kind, name);
  if (existing) throw alreadyListed(existing.name);
  const [row] = await tx
    .insert(catalogValues)
    .values({ kind, name })
    .onConflictDoNothing()
    .returning({ id: catalogValues.id });
  if (!row) throw alreadyListed(name);
  await auditCatalog(tx, actor, 'catalog.add', { id: row.id, kind, name });
  return { id: row.id, kind, name, assets: 0 };
}

async function lockValue(tx: Transaction, id: string) {
  const [row] = await tx
    .select({ id: catalogValues.id, kind: catalogValues.kind, name: catalogValues.name })
    .from(catalogValues)
    .where(eq(catalogValues.id, id))
    .for('update');
  if (!row) throw notFound();
  return row;
}

/**
 * Renames a list value and, in the same transaction, every asset using it (each asset's version
 * moves on, so a form opened before the rename cannot put the old name back). One audit row says
 * from what, to what, and on how many assets.
 */
export async function renameCatalogValue(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof catalogRenameSchema>,
): Promise<{ from: string; to: string; assets: number }> {
  assertAdmin(actor);
  const { id, name } = parseInput(catalogRenameSchema, input);
  const value = await lockValue(tx, id);
  assertLength(value.kind, name);
  if (value.name === name) return { from: value.name, to: name, assets: 0 };
  const clash = await findListed(tx, value.kind, name, value.id);
  if (clash) throw alreadyListed(clash.name);
  await tx.update(catalogValues).set({ name }).where(eq(catalogValues.id, value.id));
  const column = assetColumn(value.kind);
  const renamed = await tx
    .update(assets)
    .set({ [value.kind]: name, version: sql`${assets.version} + 1`, updatedAt: sql`now()` })
    .where(sameName(column, value.name))
    .returning({ id: assets.id });
  await auditCatalog(tx, actor, 'catalog.rename', value, { from: value.name, to: name, assets: renamed.length });
  return { from: value.name, to: name, assets: renamed.length };
}

/** Removes a list value that no asset uses; one in use is refused, saying by how many. */
export async function removeCatalogValue(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof catalogRemoveSchema>,
): Promise<{ name: string }> {
  assertAdmin(actor);
  const { id } = parseInput(catalogRemoveSchema, input);
  const value = await lockValue(tx, id);
  const uses = await tx.$count(assets, sameName(assetColumn(value.kind), value.name));
  if (uses > 0) {
    throw new AppError(
      'conflict',
      `“${value.name}” is used by ${uses} asset${uses === 1 ? '' : 's'}; rename it instead, or change those assets first.`,
    );
  }
  await tx.delete(catalogValues).where(eq(catalogValues.id, value.id));
  await auditCatalog(tx, actor, 'catalog.remove', value);
  return { name: value.name };
}
