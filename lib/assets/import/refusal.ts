import 'server-only';
import type { Transaction } from '../../db/client';
import type { ImportError } from '../csv-import-rows';

/**
 * Writes entries in a savepoint. When the database refuses a value the checks let through (a date
 * it cannot store, a tag taken meanwhile), they are written again one by one in order, so each
 * refused entry is reported by its line and the others still go in.
 */
export async function writeOrReportByLine<Entry>(
  tx: Transaction,
  entries: Entry[],
  lineOf: (entry: Entry) => number,
  write: (savepoint: Transaction, entries: Entry[]) => Promise<unknown>,
): Promise<{ written: Entry[]; refused: ImportError[] }> {
  if (entries.length === 0) return { written: [], refused: [] };
  try {
    await tx.transaction((savepoint) => write(savepoint, entries));
    return { written: entries, refused: [] };
  } catch (error) {
    if (!refusal(error)) throw error;
  }
  const result: { written: Entry[]; refused: ImportError[] } = { written: [], refused: [] };
  for (const entry of entries) {
    try {
      await tx.transaction((savepoint) => write(savepoint, [entry]));
      result.written.push(entry);
    } catch (error) {
      const message = refusal(error);
      if (!message) throw error;
      result.refused.push({ line: lineOf(entry), message });
    }
    // One by one is many small statements: requests that need no database go on in between.
    await new Promise(setImmediate);
  }
  return result;
}

/** What to tell the user when the database refused a row's values (SQLSTATE classes 22 and 23); null for any other failure. */
export function refusal(error: unknown): string | null {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (code === '22008') return 'a date is outside the range the database can store';
    if (code === '22003') return 'a number is outside the range the database can store';
    if (code === '23505') return 'the asset tag or serial was just taken by another asset';
    if (typeof code === 'string' && /^2[23]/.test(code)) return 'the database cannot store a value of this row';
  }
  return null;
}
