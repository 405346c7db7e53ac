import { z } from 'zod';
import { paginationSchema } from '../list-params';
import { dateField, multiLineText, singleLineText } from '../validation';

// One set of rules for the license form, the server actions and the JSON API.

const optionalText = (max: number, text = singleLineText) =>
  text()
    .max(max, `Use at most ${max} characters.`)
    .nullable()
    .optional()
    .transform((text) => (text ? text : null));

const optionalDate = z
  .union([z.literal(''), z.null(), dateField()])
  .optional()
  .transform((value) => (value ? value : null));

export const seatsSchema = z.coerce
  .number({ error: 'Enter the number of seats.' })
  .int('Use a whole number of seats.')
  .min(1, 'A license has at least 1 seat.')
  .max(1_000_000, 'Use at most 1,000,000 seats.');

export const licenseFieldsSchema = z.object({
  name: singleLineText({ error: 'Enter a name.' }).min(1, 'Enter a name.').max(200, 'Use at most 200 characters.'),
  vendor: optionalText(200),
  productKey: optionalText(500),
  seats: seatsSchema,
  expiresAt: optionalDate,
  notes: optionalText(5000, multiLineText),
});
export type LicenseFields = z.output<typeof licenseFieldsSchema>;
export type LicenseFieldsInput = z.input<typeof licenseFieldsSchema>;

/** An update names only what changes, plus the version it read. */
export const licenseUpdateSchema = licenseFieldsSchema.partial().extend({
  version: z.coerce.number({ error: 'The version you read is required.' }).int().positive(),
});
export type LicenseUpdate = z.output<typeof licenseUpdateSchema>;
export type LicenseUpdateInput = z.input<typeof licenseUpdateSchema>;

/** Who gets a seat: exactly one of a user or an asset (by id, or an asset by its tag). */
export const seatHolderSchema = z
  .object({
    userId: z.uuid('Unknown user.').optional(),
    assetId: z.uuid('Unknown asset.').optional(),
    assetTag: singleLineText().min(1).max(100).optional(),
  })
  .refine((holder) => [holder.userId, holder.assetId, holder.assetTag].filter(Boolean).length === 1, {
    message: 'Choose either a user or an asset.',
    path: ['userId'],
  });
export type SeatHolder = z.output<typeof seatHolderSchema>;
export type SeatHolderInput = z.input<typeof seatHolderSchema>;

export const licenseSortColumns = ['name', 'vendor', 'expiresAt', 'seats', 'createdAt'] as const;

export const licenseListSchema = paginationSchema.extend({
  q: singleLineText().max(200).optional(),
  vendor: singleLineText().max(200).optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  sort: z.enum(licenseSortColumns).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type LicenseListParams = z.output<typeof licenseListSchema>;
