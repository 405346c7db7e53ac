import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/client';
import { describeError, log } from '../log';
import { assertCanManageAssets } from './access';
import type { ImportError } from './csv-import-rows';
import { applyWaitingRows } from './import/apply';
import { checkAgainstInventory } from './import/check-inventory';
import type { FileEncoding } from './import/decode-file';
import { ImportFileReader } from './import/read-file';
import { claimImport, discardImport, openImport, stageRows, touchImport } from './import/staging';

export type ImportMode = 'all' | 'valid-only';
/** Rows read so far, and the bytes of the file they came from. */
export type ImportProgress = { phase: 'checking' | 'importing'; rows: number; bytes: number };
export type ImportResult = {
  dryRun: boolean;
  mode: ImportMode;
  /** False when nothing was written: a dry run, or a file with errors imported in "all" mode. */
  applied: boolean;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  errors: ImportError[];
  encoding: FileEncoding;
  /** Something the user should check although no row failed, such as how the file was decoded. */
  notice: string | null;
};

/**
 * Rolls the applying transaction back when nothing may be kept. Its own class, because the server's
 * database handle may come from another copy of drizzle-orm than this bundle's, so drizzle's
 * TransactionRollbackError would fail instanceof here.
 */
class NothingToKeep extends Error {}

// Small batches: on the embedded database each statement holds the event loop while it runs.
const batchSize = 100;

export type ImportRequest = {
  /** The file: its text, its bytes, or its bytes as they arrive (a request body). */
  csv: string | Uint8Array | ReadableStream<Uint8Array>;
  mode: ImportMode;
  dryRun: boolean;
  fileName?: string;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

/**
 * Imports assets from a CSV file as it is read, a batch at a time: creates or updates by asset tag.
 * Each batch is checked and its rows put aside (import/staging.ts) in a transaction of its own, so
 * other requests reach the database in between; one last transaction applies them all with the
 * import's one audit row (import/apply.ts). A dry run, a file with errors in "all" mode, a failure
 * or a server killed midway leaves no asset changed, and the rows put aside are deleted.
 */
export async function importAssets(db: Database, actor: Actor, input: ImportRequest): Promise<ImportResult> {
  assertCanManageAssets(actor);
  const reader = new ImportFileReader(byteSource(input.csv));
  const phase = input.dryRun ? 'checking' : 'importing';
  const tally = { created: 0, updated: 0, errors: [] as ImportError[] };
  // A dry run, or "all" once a row failed, only checks: what it would write is counted, not written.
  const onlyChecking = () => input.dryRun || (input.mode === 'all' && tally.errors.length > 0);
  const importId = input.dryRun ? null : await openImport(db);
  let applied = false;
  try {
    for await (const batch of reader.batches(batchSize)) {
      tally.errors.push(...batch.errors);
      await db.transaction(async (tx) => {
        if (importId && !onlyChecking()) await touchImport(tx, importId);
        const { valid, errors } = await checkAgainstInventory(tx, batch.rows, importId);
        tally.errors.push(...errors);
        let kept = valid;
        if (importId && !onlyChecking()) {
          const refused = await stageRows(tx, importId, valid);
          tally.errors.push(...refused);
          const refusedLines = new Set(refused.map((error) => error.line));
          kept = valid.filter((entry) => !refusedLines.has(entry.row.line));
        }
        const updates = kept.filter((entry) => entry.existing).length;
        tally.updated += updates;
        tally.created += kept.length - updates;
      });
      await input.onProgress?.({ phase, rows: reader.rowsRead, bytes: reader.bytesRead });
      // Lets other requests (and this response's progress line) through between batches.
      await new Promise(setImmediate);
    }
    if (importId && !onlyChecking()) {
      try {
        await db.transaction(async (tx) => {
          await claimImport(tx, importId);
          for (const row of await applyWaitingRows(tx, actor, importId)) {
            tally.errors.push({ line: row.line, message: row.message });
            if (row.update) tally.updated--;
            else tally.created--;
          }
          if (onlyChecking()) throw new NothingToKeep();
          await recordAudit(tx, actor, {
            action: 'asset.import',
            details: {
              fileName: input.fileName ?? null,
              mode: input.mode,
              encoding: reader.decoder.encoding,
              created: tally.created,
              updated: tally.updated,
              skipped: reader.rowsRead - tally.created - tally.updated,
              errors: tally.errors.length,
            },
          });
        });
        applied = true;
      } catch (error) {
        if (!(error instanceof NothingToKeep)) throw error;
      }
    }
  } finally {
    if (importId) await discardImport(db, importId).catch((error: unknown) => discardFailed(importId, error));
  }
  const counted = applied || input.dryRun;
  const encoding = reader.decoder.encoding;
  return {
    dryRun: input.dryRun,
    mode: input.mode,
    applied,
    total: reader.rowsRead,
    created: counted ? tally.created : 0,
    updated: counted ? tally.updated : 0,
    skipped: counted ? reader.rowsRead - tally.created - tally.updated : reader.rowsRead,
    errors: tally.errors.sort((a, b) => a.line - b.line),
    encoding,
    notice:
      encoding === 'windows-1252'
        ? 'The file was read as Windows-1252 (Latin-1), because it is not UTF-8: check that accented letters look right, or save the file as "CSV UTF-8".'
        : null,
  };
}

// The rows put aside never count; the next import, or the next start, deletes them.
function discardFailed(importId: string, error: unknown): void {
  log.warn('assets.import_discard_failed', { importId, ...describeError(error) });
}

async function* byteSource(csv: ImportRequest['csv']): AsyncGenerator<Uint8Array> {
  if (typeof csv === 'string' || csv instanceof Uint8Array) {
    yield typeof csv === 'string' ? Buffer.from(csv) : csv;
    return;
  }
  const reader = csv.getReader();
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) yield part.value;
  } finally {
    reader.releaseLock();
  }
}
