import 'server-only';
import { AppError } from '../errors';
import { fieldErrors } from '../validation';
import type { Executor } from '../db/client';
import { listCategoryFields } from './definitions';
import { customValuesSchema, fieldFor, type CustomFieldDefinition, type StoredValues } from './values-schema';

/**
 * The custom values an asset of `category` keeps: its `existing` values (of this category's
 * fields; those of another category are dropped) with `given` laid over them, all checked by
 * customValuesSchema. Errors are keyed "customFields.<key>", beside the form's field.
 */
export function checkCustomValues(
  fields: CustomFieldDefinition[],
  category: string,
  existing: StoredValues,
  given: Record<string, unknown> | undefined,
): StoredValues {
  const merged: Record<string, unknown> = {};
  for (const field of fields) if (field.id in existing) merged[field.id] = existing[field.id];
  for (const [key, value] of Object.entries(given ?? {})) {
    const field = fieldFor(fields, key);
    if (field) delete merged[field.id];
    merged[key] = value;
  }
  const parsed = customValuesSchema(fields, category).safeParse(merged);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([key, message]) => [`customFields.${key}`, message]),
    );
    throw new AppError('validation_failed', Object.values(fields)[0] ?? 'Check the custom fields.', { fields });
  }
  return parsed.data;
}

export async function resolveCustomValues(
  executor: Executor,
  category: string,
  existing: StoredValues,
  given: Record<string, unknown> | undefined,
): Promise<StoredValues> {
  return checkCustomValues(await listCategoryFields(executor, category), category, existing, given);
}
