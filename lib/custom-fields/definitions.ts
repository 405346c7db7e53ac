import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { catalogValues } from '../db/schema-catalog';
import { customFields } from '../db/schema-places';
import type { CustomFieldDefinition } from './values-schema';

export type CategoryField = CustomFieldDefinition & { categoryId: string; category: string };

const fieldColumns = {
  id: customFields.id,
  name: customFields.name,
  kind: customFields.kind,
  required: customFields.required,
  options: customFields.options,
  categoryId: customFields.categoryId,
  category: catalogValues.name,
};

/** Every custom field of every category, by category then name: a short list, read once per request. */
export async function listAllCustomFields(executor: Executor): Promise<CategoryField[]> {
  return executor
    .select(fieldColumns)
    .from(customFields)
    .innerJoin(catalogValues, eq(catalogValues.id, customFields.categoryId))
    .orderBy(asc(sql`lower(${catalogValues.name})`), asc(customFields.createdAt));
}

/** One field with its category, or undefined. */
export async function findCustomField(executor: Executor, id: string): Promise<CategoryField | undefined> {
  const [field] = await executor
    .select(fieldColumns)
    .from(customFields)
    .innerJoin(catalogValues, eq(catalogValues.id, customFields.categoryId))
    .where(eq(customFields.id, id))
    .limit(1);
  return field;
}

/** The fields of the category named `category` (in any letter case). */
export async function listCategoryFields(executor: Executor, category: string): Promise<CategoryField[]> {
  return executor
    .select(fieldColumns)
    .from(customFields)
    .innerJoin(catalogValues, eq(catalogValues.id, customFields.categoryId))
    .where(sql`${catalogValues.kind} = 'category' and lower(${catalogValues.name}) = lower(${category})`)
    .orderBy(asc(customFields.createdAt));
}

/** Stored values (by field id) as { field name: value }, for the API and pages. */
export function valuesByName(
  fields: readonly CustomFieldDefinition[],
  stored: Record<string, string | number | boolean>,
): Record<string, string | number | boolean> {
  const named: Record<string, string | number | boolean> = {};
  for (const field of fields) if (field.id in stored) named[field.name] = stored[field.id];
  return named;
}
