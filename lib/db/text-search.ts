import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';

/** The words of `text` a search uses: letters and digits only, so input never reaches the tsquery parser unescaped. */
function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// A query of at most this many words: a longer text is a sentence, and its first words say enough.
const maxWords = 8;

// PostgreSQL reads "A-00042" as the word "a" and the signed number "-00042": a run of digits
// must match either way.
const prefixTerm = (word: string) => (/^\d+$/.test(word) ? `(${word}:* | -${word}:*)` : `${word}:*`);

/**
 * A prefix tsquery for `text`: every word ('all', for narrowing a list) or any of them ('any',
 * for ranking loose matches such as a ticket's title against articles). Null when nothing
 * searchable remains. 'any' skips words shorter than three letters, which match almost anything.
 */
export function searchQuery(text: string | undefined, mode: 'all' | 'any' = 'all'): SQL | null {
  if (!text) return null;
  // Short words are dropped before the cut, so "I am on a PC at my new job and the VPN fails" keeps "vpn".
  const words = [
    ...new Set(searchWords(text).filter((word) => mode === 'all' || word.length >= 3 || /^\d+$/.test(word))),
  ].slice(0, maxWords);
  if (words.length === 0) return null;
  return sql`to_tsquery('simple', ${words.map(prefixTerm).join(mode === 'all' ? ' & ' : ' | ')})`;
}

/**
 * A prefix full-text match against a generated tsvector column: "lapt dell" finds
 * "Dell laptop", "00042" finds "A-00042". Returns null when nothing searchable remains.
 */
export function matchesSearch(column: SQLWrapper | AnyColumn, text: string | undefined): SQL | null {
  const query = searchQuery(text);
  return query ? sql`${column} @@ ${query}` : null;
}

/** Text to match literally inside a LIKE pattern: its %, _ and backslashes escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
