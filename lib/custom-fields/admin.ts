import { exportOnlyColumns, importColumns, normalizeHeader } from '../assets/csv-import-rows';
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { queryRows } from '../db/rows';
import { catalogValues } from '../db/schema-catalog';
import { assets } from '../db/schema-domain';
import { customFieldKinds, customFields } from '../db/schema-places';
import { AppError } from '../errors';
import { auditAsset } from '../assets/audit';
import { parseInput, singleLineText } from '../validation';
import { listAllCustomFields, type CategoryField } from './definitions';
import { formatCustomValue, type StoredValue } from './values-schema';

// Admin → Custom fields: the fields of each asset category. Removing one takes its values off
// every asset, and each asset's audit history keeps the value it had.

const notFound = () => new AppError('not_found', 'No such field.');

function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw notFound();
}

const optionsSchema = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(/[,\n]/)
          .map((option) => option.trim())
          .filter(Boolean)
      : value,
  z
    .array(singleLineText().min(1).max(120, 'Use at most 120 characters per choice.'))
    .max(100, 'Use at most 100 choices.'),
);

const reservedColumnNames: readonly string[] = [...importColumns, ...exportOnlyColumns];

export const newCustomFieldSchema = z
  .object({
    categoryId: z.uuid('Choose a category.'),
    name: singleLineText({ error: 'Enter a name.' })
      .min(1, 'Enter a name.')
      .max(60, 'Use at most 60 characters.')
      .refine((name) => !name.includes('.'), 'A name cannot contain ".".')
      // The name is a column of the CSV export and import: never one of the standard columns, never a formula.
      .refine(
        (name) => !reservedColumnNames.includes(normalizeHeader(name)),
        'That is the name of a standard column of the asset CSV; choose another.',
      )
      .refine((name) => !/^[=+\-@]/.test(name), 'A name cannot start with =, +, - or @.'),
    kind: z.enum(customFieldKinds, { error: 'Choose a kind.' }),
    required: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()),
    options: optionsSchema.optional(),
  })
  .refine((field) => field.kind !== 'choice' || (field.options?.length ?? 0) > 0, {
    path: ['options'],
    message: 'List the choices, separated by commas.',
  });
export const removeCustomFieldSchema = z.object({ id: z.uuid('Unknown field.') });

export async function listCustomFieldsForAdmin(executor: Executor, actor: Actor): Promise<CategoryField[]> {
  assertAdmin(actor);
  return listAllCustomFields(executor);
}

export async function addCustomField(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof newCustomFieldSchema>,
): Promise<{ id: string; name: string }> {
  assertAdmin(actor);
  const field = parseInput(newCustomFieldSchema, input);
  const [category] = await tx
    .select({ id: catalogValues.id, name: catalogValues.name })
    .from(catalogValues)
    .where(and(eq(catalogValues.id, field.categoryId), eq(catalogValues.kind, 'category')));
  if (!category) {
    const message = 'Choose a category from Admin → Lists.';
    throw new AppError('validation_failed', message, { fields: { categoryId: message } });
  }
  assertOwnCsvColumn(await listAllCustomFields(tx), { ...field, category: category.name });
  let id: string;
  try {
    [{ id }] = await tx.transaction((savepoint) =>
      savepoint
        .insert(customFields)
        .values({ ...field, options: field.kind === 'choice' ? (field.options ?? []) : [] })
        .returning({ id: customFields.id }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const message = `${category.name} already has a field “${field.name}”.`;
    throw new AppError('conflict', message, { fields: { name: message } });
  }
  await recordAudit(tx, actor, {
    action: 'custom_field.add',
    target: { type: 'custom_field', id },
    details: { category: category.name, name: field.name, kind: field.kind, required: field.required },
  });
  return { id, name: field.name };
}

/**
 * Refuses a name the CSV would read as another field's column ("RAM GB", "Ram GB" and "RAM-GB" are
 * all ram_gb): the export would write both columns and the import refuse its own file. The same
 * name in another category is one column, and fine.
 */
function assertOwnCsvColumn(existing: CategoryField[], field: { categoryId: string; category: string; name: string }) {
  const column = normalizeHeader(field.name);
  const clashes = existing.filter(
    (other) =>
      normalizeHeader(other.name) === column && (other.categoryId === field.categoryId || other.name !== field.name),
  );
  const clash = clashes.find((other) => other.categoryId === field.categoryId) ?? clashes[0];
  if (!clash) return;
  const message =
    clash.categoryId === field.categoryId
      ? `${field.category} already has a field “${clash.name}”.`
      : `${clash.category} has a field “${clash.name}”, the same CSV column: use exactly that name, or another.`;
  throw new AppError('conflict', message, { fields: { name: message } });
}

/**
 * Removes a field and its values: each asset that had one gets an audit row with the value it
 * loses (its history keeps it), and its version moves on so a form opened before cannot put it back.
 */
export async function removeCustomField(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof removeCustomFieldSchema>,
): Promise<{ name: string; assets: number }> {
  assertAdmin(actor);
  const { id } = parseInput(removeCustomFieldSchema, input);
  const field = (await listAllCustomFields(tx)).find((candidate) => candidate.id === id);
  if (!field) throw notFound();
  const holders = await queryRows<{ id: string; assetTag: string; value: StoredValue }>(
    tx,
    sql`update ${assets} a set custom_values = a.custom_values - ${id}::text, version = a.version + 1, updated_at = now()
        from (select id, custom_values -> ${id}::text as value from ${assets} where custom_values ? ${id}::text for update) old
        where a.id = old.id
        returning a.id, a.asset_tag as "assetTag", old.value`,
  );
  for (const holder of holders) {
    await auditAsset(tx, actor, 'asset.custom_field_removed', holder, {
      field: field.name,
      value: formatCustomValue(holder.value),
    });
  }
  await tx.delete(customFields).where(eq(customFields.id, id));
  await recordAudit(tx, actor, {
    action: 'custom_field.remove',
    target: { type: 'custom_field', id },
    details: { category: field.category, name: field.name, kind: field.kind, assets: holders.length },
  });
  return { name: field.name, assets: holders.length };
}
