import { z } from 'zod';
import { assetStatuses } from '../db/schema-domain';
import { paginationSchema } from '../list-params';
import { dateField, multiLineText, singleLineText } from '../validation';

/**
 * The earliest date that is still today somewhere (at UTC−12), as YYYY-MM-DD: the reference for
 * "not in the past", so nobody's own today is refused, whatever their time zone.
 */
export function earliestTodayIsoDate(now: Date = new Date()): string {
  return new Date(now.getTime() - 12 * 3_600_000).toISOString().slice(0, 10);
}

/** "1299", "1299.5", "1299.50" → "1299.50"; null when not a non-negative amount with at most 2 decimals. */
export function normalizeCost(value: string | number): string | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(text)) return null;
  return Number(text).toFixed(2);
}

// Blank strings mean "no value": forms send '' for every empty input.
const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;

const optionalText = (label: string, max: number, text = singleLineText) =>
  z.preprocess(
    blankToNull,
    text({ error: `${label} must be text.` })
      .max(max, `Use at most ${max} characters.`)
      .nullable()
      .optional(),
  );

const optionalDate = (label: string) =>
  z.preprocess(
    blankToNull,
    dateField({ error: `${label} must be a date (YYYY-MM-DD).` })
      .nullable()
      .optional(),
  );

export const assetTagSchema = singleLineText({ error: 'Enter an asset tag.' })
  .min(1, 'Enter an asset tag.')
  .max(64, 'Use at most 64 characters.')
  .regex(/^[^\s\p{Cc}](.*[^\s\p{Cc}])?$/u, 'Use printable characters only.');

export const assetNameSchema = singleLineText({ error: 'Enter a name.' })
  .min(1, 'Enter a name.')
  .max(200, 'Use at most 200 characters.');

export const assetStatusSchema = z.enum(assetStatuses, { error: `Choose one of: ${assetStatuses.join(', ')}.` });

const costSchema = z.preprocess(
  blankToNull,
  z
    .union([z.string(), z.number()], { error: 'Enter the purchase cost as an amount, e.g. 1299.00.' })
    .transform((value, context) => {
      const cost = normalizeCost(value);
      if (cost === null) {
        context.addIssue({
          code: 'custom',
          message: 'Enter an amount of 0 or more with at most 2 decimals, e.g. 1299.00.',
        });
        return z.NEVER;
      }
      return cost;
    })
    .nullable()
    .optional(),
);

/** Every editable field; omitted optional fields keep their value on update and are empty on create. */
const assetFieldShape = {
  assetTag: assetTagSchema,
  name: assetNameSchema,
  category: z.preprocess(blankToNull, singleLineText().max(64, 'Use at most 64 characters.').nullable().optional()),
  manufacturer: optionalText('Manufacturer', 120),
  model: optionalText('Model', 120),
  serial: optionalText('Serial', 120),
  status: z.preprocess(blankToNull, assetStatusSchema.nullable().optional()),
  locationId: z.preprocess(blankToNull, z.uuid('Choose a place from the list.').nullable().optional()),
  // The text location of the API before places, as Snipe-IT clients send it; place-input.ts resolves it.
  location: z
    .preprocess(
      blankToNull,
      singleLineText({ error: 'location is the path of a place, e.g. "HQ / Floor 2 / Room 201".' })
        .max(1000, 'Use at most 1000 characters.')
        .nullable()
        .optional(),
    )
    .describe(
      'The place by its path, e.g. "HQ / Floor 2 / Room 201" (any letter case): instead of locationId, or agreeing with it. The place must exist; null or "" clears the place.',
    ),
  // Values of the category's custom fields, by field name or id (lib/custom-fields/values-schema.ts checks them).
  customFields: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]), {
      error: 'customFields is an object of field name → value.',
    })
    .optional(),
  purchaseDate: optionalDate('Purchase date'),
  purchaseCost: costSchema,
  warrantyEnd: optionalDate('Warranty end'),
  notes: optionalText('Notes', 5000, multiLineText),
};

export const newAssetSchema = z.strictObject(assetFieldShape, { error: 'Unknown field.' });
export type NewAssetInput = z.input<typeof newAssetSchema>;
export type NewAssetData = z.output<typeof newAssetSchema>;

export const assetChangesSchema = newAssetSchema.partial().extend({
  version: z.coerce.number({ error: 'Send the version you read.' }).int().positive('Send the version you read.'),
});
export type AssetChangesInput = z.input<typeof assetChangesSchema>;
export type AssetChangesData = z.output<typeof assetChangesSchema>;

/**
 * A form's fields named "customFields.<field id>" gathered into `customFields`, so the asset
 * form's values reach the same schema as the API's JSON.
 */
export function fromAssetForm<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((input) => {
    if (typeof input !== 'object' || input === null) return input;
    const fields: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (key.startsWith('customFields.')) fields[key.slice('customFields.'.length)] = value;
      else rest[key] = value;
    }
    return Object.keys(fields).length > 0 ? { ...rest, customFields: fields } : rest;
  }, schema);
}

export const checkOutSchema = z.strictObject({
  userId: z.uuid('Choose a user.'),
  expectedReturn: z.preprocess(
    blankToNull,
    dateField()
      .refine((date) => date >= earliestTodayIsoDate(), { message: 'The expected return cannot be in the past.' })
      .nullable()
      .optional(),
  ),
  version: z.coerce.number().int().positive().optional(),
  // Checking out an asset that is in repair, retired or lost needs this, so nobody does it by accident.
  confirmUnavailable: z
    .preprocess(
      (value) => (value === 'true' ? true : value === 'false' || value === '' ? false : value),
      z.boolean({ error: 'confirmUnavailable is true or false.' }),
    )
    .optional(),
});
export type CheckOutData = z.output<typeof checkOutSchema>;

export const checkInSchema = z.strictObject({
  status: z.preprocess(
    blankToNull,
    z
      .enum(['in_stock', 'in_repair', 'retired', 'lost'], { error: 'Choose in_stock, in_repair, retired or lost.' })
      .nullable()
      .optional(),
  ),
  notes: optionalText('Notes', 1000, multiLineText),
  version: z.coerce.number().int().positive().optional(),
});
export type CheckInData = z.output<typeof checkInSchema>;

export const assetSorts = ['tag', 'name', 'status', 'updated', 'warranty'] as const;
export type AssetSort = (typeof assetSorts)[number];

/** The list's query string; JSON routes parse it strictly, pages leniently. */
export const assetListSchema = paginationSchema.extend({
  sort: z.enum(assetSorts, { error: `sort is one of ${assetSorts.join(', ')}` }).default('updated'),
  status: assetStatusSchema.optional(),
  category: singleLineText().min(1).max(64).optional(),
  assignedTo: z
    .union([z.uuid(), z.literal('none'), z.literal('any')], {
      error: 'assignedTo is a user id, "any" (checked out) or "none" (available)',
    })
    .optional(),
  q: singleLineText().min(1).max(200).optional(),
  location: z.uuid({ error: 'location is the id of a place' }).optional(),
  warrantyDays: z.coerce
    .number({ error: 'warrantyDays is a number of days' })
    .int()
    .min(0)
    .max(3650, 'warrantyDays is at most 3650')
    .optional(),
});
export const strictAssetListSchema = assetListSchema.strict();
export type AssetListParams = z.output<typeof assetListSchema>;
