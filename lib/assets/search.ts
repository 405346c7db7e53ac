import { or, sql, type SQL } from 'drizzle-orm';
import { assets } from '../db/schema-domain';

/**
 * Text search over tag, name, serial, manufacturer, model and location. Like matchesSearch, words
 * are letters and digits only and match as prefixes; but PostgreSQL's parser files the "-00042" of
 * "A-00042" as a signed number, so a digits-only word also matches with a leading minus. An exact
 * tag or serial (any punctuation) matches through their unique indexes.
 */
export function assetSearchCondition(text: string): SQL | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  const exact = text.trim().toLowerCase();
  const byText =
    words.length > 0
      ? sql`${assets.searchVector} @@ to_tsquery('simple', ${words.map((word) => (/^\d+$/.test(word) ? `(${word}:* | -${word}:*)` : `${word}:*`)).join(' & ')})`
      : undefined;
  return or(byText, sql`lower(${assets.assetTag}) = ${exact}`, sql`lower(${assets.serial}) = ${exact}`);
}
