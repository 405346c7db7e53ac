import { z } from 'zod';
import { singleLineText } from '../validation';

/** Parts of a path are joined by this; a name may not contain "/" so a path always splits back. */
export const pathSeparator = ' / ';

export const locationNameSchema = singleLineText({ error: 'Enter a name.' })
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters.')
  .refine((name) => !name.includes('/'), 'A name cannot contain "/": it separates the parts of a path.');

// Forms send '' for "no parent" (a top-level place).
const parentIdSchema = z.preprocess(
  (value) => (value === '' ? null : value),
  z.uuid('Choose a place.').nullable().optional(),
);
const versionSchema = z.coerce.number({ error: 'Send the version you read.' }).int().positive();

export const newLocationSchema = z.object({ name: locationNameSchema, parentId: parentIdSchema });
export const renameLocationSchema = z.object({
  id: z.uuid('Unknown place.'),
  name: locationNameSchema,
  version: versionSchema,
});
export const moveLocationSchema = z.object({
  id: z.uuid('Unknown place.'),
  parentId: parentIdSchema,
  version: versionSchema,
});
export const removeLocationSchema = z.object({ id: z.uuid('Unknown place.') });
export const setAssetLocationSchema = z.object({
  assetId: z.uuid('Unknown asset.'),
  locationId: parentIdSchema,
  version: versionSchema,
});

/** "HQ / 2nd floor / 2.14" → ["HQ", "2nd floor", "2.14"]; also reads "HQ/2nd floor". */
export function splitPath(path: string): string[] {
  return path
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean);
}
