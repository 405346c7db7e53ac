import { z } from 'zod';
import { assetListSchema } from '../assets/schemas';
import { labelFormats } from './formats';

/** At most this many labels in one PDF: the whole document is built in memory before it is sent. */
export const maxLabelsPerPdf = 5_000;
/** Chosen assets travel in the query string; more than this is better printed from a filter. */
export const maxChosenAssets = 500;

export const labelFormatSchema = z.enum(labelFormats, { error: `format is one of ${labelFormats.join(', ')}` });

/** The label route's query: a format and either `ids` (comma-separated) or the asset list's filters. */
export const labelQuerySchema = assetListSchema
  .extend({
    format: labelFormatSchema.default('a4-3x8'),
    ids: z
      .string()
      .max(maxChosenAssets * 37)
      .transform((text) => text.split(',').filter(Boolean))
      .pipe(
        z
          .array(z.uuid({ error: 'ids are asset ids, separated by commas' }))
          .min(1, 'Choose at least one asset.')
          .max(maxChosenAssets, `Choose at most ${maxChosenAssets} assets, or print from a filter.`),
      )
      .optional(),
  })
  .strict();
