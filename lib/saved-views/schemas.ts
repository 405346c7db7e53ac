import { z } from 'zod';
import { savedViewLists } from '../db/schema-desk';
import { singleLineText } from '../validation';

const name = singleLineText({ error: 'Enter a name.' }).min(1, 'Enter a name.').max(60, 'Use at most 60 characters.');

export const newSavedViewSchema = z.object({
  list: z.enum(savedViewLists, { error: 'list is tickets or assets.' }),
  name,
  /** The list's query string as shown (filters and sort); normalized before it is kept. */
  query: singleLineText().max(2000, 'The filters are too long to save.').optional().default(''),
  /** Shared with every agent and admin (staff only), or the author's own. */
  shared: z.boolean({ error: 'shared must be true or false.' }).optional().default(false),
});
export type NewSavedViewInput = z.input<typeof newSavedViewSchema>;

export const savedViewRenameSchema = z.object({
  id: z.uuid('Unknown view.'),
  version: z.coerce.number({ error: 'version is required.' }).int().positive('version is required.'),
  name,
});

export const savedViewRemoveSchema = z.object({ id: z.uuid('Unknown view.') });
