import { z } from 'zod';

// Lists (pages and JSON routes alike) take the same query parameters: page, pageSize, sort, dir,
// plus each list's own filters. Unknown or malformed values fall back to defaults on pages and
// are a 400 on JSON routes (see parseListQuery).

export const maxPageSize = 100;

export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1, 'page starts at 1').max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize, `pageSize is at most ${maxPageSize}`).default(25),
  dir: z.enum(['asc', 'desc']).default('desc'),
});

export type Page<Item> = {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
  /** Set when `total` is an estimate (lib/db/count-or-estimate.ts): a page's list past its exact count. */
  approximate?: true;
};

/** Pages count a text search's matches exactly when the planner expects up to this many, and estimate past it; JSON routes always count. */
export const pageExactCountUpTo = 1_000;

/**
 * How a list's total is worked out. `exactCountUpTo`: as pageExactCountUpTo says. `kept`: a total
 * counted for the same person and filters a few seconds ago may answer (lib/kept-results.ts), as
 * someone working a queue goes from the list to a ticket and back. Pages set both; JSON routes neither.
 */
export type TotalOptions = { exactCountUpTo?: number; kept?: boolean };

/** What a list page asks of its list's total. */
export const pageTotalOptions: TotalOptions = { exactCountUpTo: pageExactCountUpTo, kept: true };

/** URLSearchParams or Next's searchParams object → a plain object (first value of repeated keys, blanks dropped). */
export function searchParamsToObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const object: Record<string, string> = {};
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string' && value.trim() !== '' && !(key in object)) object[key] = value.trim();
  }
  return object;
}

/** For pages: parse leniently, dropping any parameter that does not validate. */
export function parseListParamsLeniently<Schema extends z.ZodObject>(
  schema: Schema,
  params: Record<string, string>,
): z.output<Schema> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return schema.parse(Object.fromEntries(Object.entries(params).filter(([key]) => !bad.has(key))));
}

export function offsetOf(page: { page: number; pageSize: number }): number {
  return (page.page - 1) * page.pageSize;
}

/** The parameters that page or order a list without narrowing it. */
const pagingKeys: readonly string[] = [...Object.keys(paginationSchema.shape), 'sort'];

const isUnset = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Whether a list's parsed parameters narrow it by `key` at most. `alsoIgnored` names a list's own
 * keys that do not narrow it either. Any other key with a value (0 and false included) narrows, so
 * a filter added to a list later counts as one without anyone having to remember this function.
 */
export function narrowedOnlyBy(params: object, key: string, alsoIgnored: readonly string[] = []): boolean {
  return Object.entries(params).every(
    ([name, value]) => name === key || pagingKeys.includes(name) || alsoIgnored.includes(name) || isUnset(value),
  );
}
