import { z } from 'zod';
import { formatCount } from '../format-count';
import { multiLineText, singleLineText } from '../validation';

export const maxCannedReplyLength = 10_000;

const title = singleLineText({ error: 'Enter a title.' })
  .min(1, 'Enter a title.')
  .max(120, 'Use at most 120 characters.');
const body = multiLineText({ error: 'Write the reply.' })
  .min(1, 'Write the reply.')
  .max(maxCannedReplyLength, `Use at most ${formatCount(maxCannedReplyLength)} characters.`)
  .transform((text) => text.replace(/\r\n?/g, '\n'));

export const newCannedReplySchema = z.object({
  title,
  body,
  /** Shared with every agent and admin (admins only), or the author's own. */
  shared: z.boolean({ error: 'shared must be true or false.' }).optional().default(false),
});
export type NewCannedReplyInput = z.input<typeof newCannedReplySchema>;

export const cannedReplyChangeSchema = z.object({
  id: z.uuid('Unknown canned reply.'),
  version: z.coerce.number({ error: 'version is required.' }).int().positive('version is required.'),
  title,
  body,
});
export type CannedReplyChangeInput = z.input<typeof cannedReplyChangeSchema>;

export const cannedReplyRemoveSchema = z.object({ id: z.uuid('Unknown canned reply.') });
