import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { catalogKinds, catalogValues, type CatalogKind } from '../db/schema-catalog';
import { AppError } from '../errors';
import { parseInput, singleLineText } from '../validation';
import { catalogLabels, catalogMaxLength, countUses, countUsesOf, renameWhereUsed } from './kinds';
import { findListed } from './spellings';

// Admin → Lists: the managed lists' values, each with how many assets or tickets use it; adding
// one, renaming one (on every record that uses it, in the same transaction) and removing an unused one.

const catalogName = singleLineText({ error: 'Enter a name.' })
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters.');

export const newCatalogValueSchema = z.object({
  kind: z.enum(catalogKinds, { error: 'Choose one of the lists.' }),
  name: catalogName,
});
export const catalogRenameSchema = z.object({ id: z.uuid('Unknown value.'), name: catalogName });
export const catalogRemoveSchema = z.object({ id: z.uuid('Unknown value.') });

/** A list value and how many records (assets or tickets, by its kind) use it. */
export type CatalogEntry = { id: string; kind: CatalogKind; name: string; uses: number };

const auditCatalog = auditFor('catalog_value', (value: { kind: CatalogKind; name: string }) => ({
  kind: value.kind,
  name: value.name,
}));

const notFound = () => new AppError('not_found', 'No such list value.');

function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw notFound();
}

/** Every value of every list, alphabetically, with the number of records using it; admins only. */
export async function listCatalogEntries(executor: Executor, actor: Actor): Promise<CatalogEntry[]> {
  assertAdmin(actor);
  const [values, ...uses] = await Promise.all([
    executor
      .select({ id: catalogValues.id, kind: catalogValues.kind, name: catalogValues.name })
      .from(catalogValues)
      .orderBy(asc(catalogValues.kind), asc(sql`lower(${catalogValues.name})`)),
    ...catalogKinds.map((kind) => countUses(executor, kind)),
  ]);
  return values.map((value) => ({
    ...value,
    uses: uses[catalogKinds.indexOf(value.kind)].get(value.name.toLowerCase()) ?? 0,
  }));
}

function assertLength(kind: CatalogKind, name: string): void {
  if (name.length > catalogMaxLength[kind]) {
    const message = `Use at most ${catalogMaxLength[kind]} characters.`;
    throw new AppError('validation_failed', message, { fields: { name: message } });
  }
}

function alreadyListed(name: string): AppError {
  const message = `“${name}” is already in the list.`;
  return new AppError('conflict', message, { fields: { name: message } });
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
  return { id: row.id, kind, name, uses: 0 };
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
 * Renames a list value and, in the same transaction, every asset or ticket using it (each one's
 * version moves on, so a form opened before the rename cannot put the old name back). One audit
 * row says from what, to what, and on how many records.
 */
export async function renameCatalogValue(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof catalogRenameSchema>,
): Promise<{ kind: CatalogKind; from: string; to: string; uses: number }> {
  assertAdmin(actor);
  const { id, name } = parseInput(catalogRenameSchema, input);
  const value = await lockValue(tx, id);
  assertLength(value.kind, name);
  if (value.name === name) return { kind: value.kind, from: value.name, to: name, uses: 0 };
  const clash = await findListed(tx, value.kind, name, value.id);
  if (clash) throw alreadyListed(clash.name);
  await tx.update(catalogValues).set({ name }).where(eq(catalogValues.id, value.id));
  const renamed = await renameWhereUsed(tx, value.kind, value.name, name);
  // The count keeps its key by what it counts, so older audit rows of asset lists read the same.
  const where = { [catalogLabels[value.kind].usedBy.toLowerCase()]: renamed };
  await auditCatalog(tx, actor, 'catalog.rename', value, { from: value.name, to: name, ...where });
  return { kind: value.kind, from: value.name, to: name, uses: renamed };
}

/** Removes a list value that no asset or ticket uses; one in use is refused, saying by how many. */
export async function removeCatalogValue(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof catalogRemoveSchema>,
): Promise<{ name: string }> {
  assertAdmin(actor);
  const { id } = parseInput(catalogRemoveSchema, input);
  const value = await lockValue(tx, id);
  const uses = await countUsesOf(tx, value.kind, value.name);
  if (uses > 0) {
    const what = catalogLabels[value.kind].usedBy.toLowerCase();
    const one = what.slice(0, -1);
    throw new AppError(
      'conflict',
      `“${value.name}” is used by ${uses} ${uses === 1 ? one : what}; rename it instead, or change those ${what} first.`,
    );
  }
  await tx.delete(catalogValues).where(eq(catalogValues.id, value.id));
  await auditCatalog(tx, actor, 'catalog.remove', value);
  return { name: value.name };
}
