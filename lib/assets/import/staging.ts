import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import { queryRows } from '../../db/rows';
import { assetImportRows, assetImports } from '../../db/schema-asset-import';
import { AppError } from '../../errors';
import type { ImportError } from '../csv-import-rows';
import type { CheckedRow } from './check-inventory';
import { writeOrReportByLine } from './refusal';

// An import's checked rows wait in asset_import_rows, a batch per short transaction, so that other
// requests reach the database between batches (on the embedded database there is one connection,
// held by a transaction until it ends). apply.ts turns them into assets in one last transaction.

/** An import whose batches stopped this long ago belongs to a server that died, or a client that left. */
const abandonedAfterMinutes = 10;

/** Starts an import: discards the rows of abandoned ones first, then marks this one as in progress. */
export async function openImport(db: Database): Promise<string> {
  await discardAbandonedImports(db);
  const [opened] = await db.insert(assetImports).values({}).returning({ id: assetImports.id });
  return opened.id;
}

/** Marks the import alive, inside a batch's transaction; refuses when it was discarded as abandoned meanwhile. */
export async function touchImport(tx: Transaction, importId: string): Promise<void> {
  const touched = await tx
    .update(assetImports)
    .set({ touchedAt: sql`now()` })
    .where(eq(assetImports.id, importId))
    .returning({ id: assetImports.id });
  if (touched.length === 0) throw abandoned();
}

/**
 * Takes the import for applying, inside the applying transaction: its mark goes with that
 * transaction's commit, so its rows can be applied once at most, and never after a discard.
 */
export async function claimImport(tx: Transaction, importId: string): Promise<void> {
  const claimed = await tx.delete(assetImports).where(eq(assetImports.id, importId)).returning({ id: assetImports.id });
  if (claimed.length === 0) throw abandoned();
}

const abandoned = () =>
  new AppError(
    'conflict',
    `The import stopped: no rows arrived for ${abandonedAfterMinutes} minutes, so it was discarded and nothing was imported. Import the file again.`,
  );

/** Writes a batch of checked rows into the import's waiting rows; the rows the database refuses, by line. */
export async function stageRows(tx: Transaction, importId: string, checked: CheckedRow[]): Promise<ImportError[]> {
  const { refused } = await writeOrReportByLine(
    tx,
    checked,
    (entry) => entry.row.line,
    (savepoint, entries) =>
      savepoint.insert(assetImportRows).values(
        entries.map(({ row, existing, customValues }) => {
          const { extraCells: _cells, ...values } = row.values;
          return {
            importId,
            line: row.line,
            existingId: existing?.id ?? null,
            existingVersion: existing?.version ?? null,
            assetTag: row.assetTag,
            ...values,
            customValues: customValues ?? null,
          };
        }),
      ),
  );
  return refused;
}

/** Deletes an import's mark and waiting rows, applied or not. */
export async function discardImport(db: Database, importId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(assetImports).where(eq(assetImports.id, importId));
    await tx.delete(assetImportRows).where(eq(assetImportRows.importId, importId));
  });
}

/**
 * Deletes the waiting rows of imports that will never finish: those idle for
 * `abandonedAfterMinutes`, or every one when `everyImport` (start-up on the embedded database,
 * which one process alone may open), and rows whose import is gone. Their rows were never assets.
 */
export async function discardAbandonedImports(
  db: Database,
  options: { everyImport?: boolean } = {},
): Promise<{ imports: number; rows: number }> {
  return db.transaction(async (tx) => {
    const imports = await queryRows<{ id: string }>(
      tx,
      options.everyImport
        ? sql`delete from ${assetImports} returning id`
        : sql`delete from ${assetImports} where touched_at < now() - make_interval(mins => ${abandonedAfterMinutes}) returning id`,
    );
    const rows = await queryRows<{ count: number }>(
      tx,
      sql`with gone as (
            delete from ${assetImportRows} where import_id not in (select id from ${assetImports}) returning 1
          ) select count(*)::int as count from gone`,
    );
    return { imports: imports.length, rows: rows[0]?.count ?? 0 };
  });
}
