import 'server-only';
import { z } from 'zod';
import { setAssetCustomValue } from '../../assets/place-and-fields';
import { findCustomField, listCategoryFields } from '../../custom-fields/definitions';
import { fieldValueSchema, formatCustomValue, type StoredValue } from '../../custom-fields/values-schema';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import { defineBulkAction } from '../action';

// Sets (or clears) one custom field on many assets. The value is checked once, by the field's own
// rules (the same as the asset form, the API and the CSV import); each asset is then changed by
// setAssetCustomValue, which checks its category's fields again and writes its audit row.

/** The change as kept with the bulk change: the field as it was at the preview, and the checked value. */
type CustomFieldChange = {
  fieldId: string;
  fieldName: string;
  category: string;
  /** null clears the field. */
  value: StoredValue | null;
  /** The category's other required fields: an asset without a value in one cannot be saved. */
  required: { id: string; name: string }[];
};

const chooseField = () =>
  new AppError('validation_failed', 'Choose a field.', { fields: { fieldId: 'Choose a field.' } });

async function checkChange(
  executor: Executor,
  { fieldId, value }: { fieldId: string; value: string },
): Promise<CustomFieldChange> {
  const field = await findCustomField(executor, fieldId);
  if (!field) throw chooseField();
  const parsed = fieldValueSchema(field).safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0].message;
    throw new AppError('validation_failed', message, { fields: { value: message } });
  }
  const others = await listCategoryFields(executor, field.category);
  return {
    fieldId: field.id,
    fieldName: field.name,
    category: field.category,
    value: parsed.data,
    required: others.filter((other) => other.required && other.id !== field.id).map(({ id, name }) => ({ id, name })),
  };
}

const sameCategory = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const assetCustomFieldAction = defineBulkAction({
  kind: 'asset.custom_field',
  target: 'asset',
  label: 'Change a custom field',
  fields: [{ name: 'fieldId', label: 'Field', kind: 'customField', valueName: 'value' }],
  params: z.object({
    fieldId: z.uuid({ error: 'Choose a field.' }),
    value: z
      .string({ error: 'Give a value, or leave it empty to clear the field.' })
      .max(1000, 'Use at most 1,000 characters.')
      .default(''),
  }),
  check: checkChange,
  describe: (_executor, { fieldName, category, value }) =>
    value === null
      ? `Clear ${fieldName} (${category})`
      : `Set ${fieldName} (${category}) to ${formatCustomValue(value)}`,
  refusal: (asset, { fieldId, fieldName, category, value, required }) => {
    if (!sameCategory(asset.category, category))
      return `${fieldName} is a field of ${category}; this asset is in ${asset.category}.`;
    const current = asset.customValues[fieldId] ?? null;
    if (current === value)
      return value === null ? `${fieldName} is already empty.` : `Already ${formatCustomValue(value)}.`;
    const missing = required.find((other) => !(other.id in asset.customValues));
    if (missing) return `${missing.name} is required and empty: fill it in on the asset first.`;
    return null;
  },
  apply: async (tx, actor, asset, { fieldId, fieldName, value }) => {
    if (!(await findCustomField(tx, fieldId)))
      throw new AppError('validation_failed', `The field ${fieldName} was removed since the preview.`);
    await setAssetCustomValue(tx, actor, { assetId: asset.id, field: fieldId, value, version: asset.version });
  },
});
