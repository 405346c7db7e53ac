import type { z } from 'zod';
import { parseListParamsLeniently, searchParamsToObject } from '@/lib/http/list-params';

/** The query string as Next.js hands it to a page. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A list page's query, as given (`raw`, for links that keep it) and parsed with unreadable values dropped. */
export async function readListQuery<Schema extends z.ZodObject>(searchParams: SearchParams, schema: Schema) {
  const raw = searchParamsToObject(await searchParams);
  return { raw, params: parseListParamsLeniently(schema, raw) };
}
