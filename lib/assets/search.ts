import { or, sql, type SQL } from 'drizzle-orm';
import { assets } from '../db/schema-domain';
import { matchesSearch } from '../db/text-search';

/**
 * Text search over tag, name, serial, manufacturer, model, the place's path and the custom field values, as matchesSearch does for
 * tickets (words of letters and digits, matched as prefixes); an exact tag or serial (any
 * punctuation) also matches, through their unique indexes.
 */
export function assetSearchCondition(text: string): SQL | undefined {
  const exact = text.trim().toLowerCase();
  return or(
    matchesSearch(assets.searchVector, text) ?? undefined,
    matchesSearch(assets.customSearch, text) ?? undefined,
    sql`lower(${assets.assetTag}) = ${exact}`,
    sql`lower(${assets.serial}) = ${exact}`,
  );
}
