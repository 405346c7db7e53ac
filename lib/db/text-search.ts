import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * A prefix full-text match against a generated tsvector column: "lapt dell" finds
 * "Dell laptop", "00042" finds "A-00042". Words are reduced to letters and digits, so user input never reaches the
 * tsquery parser unescaped. Returns null when nothing searchable remains.
 */
export function matchesSearch(column: SQLWrapper | AnyColumn, text: string | undefined): SQL | null {
  if (!text) return null;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return null;
  // PostgreSQL reads "A-00042" as the word "a" and the signed number "-00042": a run of digits
  // must match either way.
  const query = words.map((word) => (/^\d+$/.test(word) ? `(${word}:* | -${word}:*)` : `${word}:*`)).join(' & ');
  return sql`${column} @@ to_tsquery('simple', ${query})`;
}

/** Text to match literally inside a LIKE pattern: its %, _ and backslashes escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
