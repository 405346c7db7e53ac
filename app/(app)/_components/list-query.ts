import type { z } from 'zod';
import { parseListParamsLeniently, searchParamsToObject } from '@/lib/list-params';
import { fieldErrors } from '@/lib/validation';

/** The query string as Next.js hands it to a page. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A list page's query, as given (`raw`, for links that keep it), parsed with unreadable values
 * dropped, and why each dropped value could not be read (`problems`, by parameter name).
 */
export async function readListQuery<Schema extends z.ZodObject>(searchParams: SearchParams, schema: Schema) {
  const raw = searchParamsToObject(await searchParams);
  const checked = schema.safeParse(raw);
  const problems = checked.success ? {} : fieldErrors(checked.error);
  return { raw, params: parseListParamsLeniently(schema, raw), problems };
}
