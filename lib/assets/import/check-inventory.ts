import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { queryRows } from '../../db/rows';
import { assetImportRows } from '../../db/schema-asset-import';
import { assets } from '../../db/schema-domain';
import type { ImportError, ImportRow } from '../csv-import-rows';

type ExistingAsset = { id: string; assetTag: string; serial: string | null; checkedOut: boolean };
export type CheckedRow = { row: ImportRow; existing: ExistingAsset | null };

/**
 * The checks that need the inventory: which tags exist, who holds each serial, what a checked-out
 * asset may become. With `importId`, an asset whose serial an earlier batch of that import changes
 * no longer holds its old one, as if the earlier batches were written already.
 */
export async function checkAgainstInventory(
  tx: Transaction,
  rows: ImportRow[],
  importId: string | null,
): Promise<{ valid: CheckedRow[]; errors: ImportError[] }> {
  if (rows.length === 0) return { valid: [], errors: [] };
  const tags = rows.map((row) => row.assetTag.toLowerCase());
  const serials = rows.flatMap((row) => (row.values.serial ? [row.values.serial.toLowerCase()] : []));
  const columns = sql`${assets.id} as id, ${assets.assetTag} as "assetTag", ${assets.serial} as serial, ${assets.assignedToId} is not null as "checkedOut"`;
  const byTags = sql`select ${columns} from ${keyList(tags)} join ${assets} on lower(${assets.assetTag}) = k.key`;
  const movedAway = importId
    ? sql` where not exists (select 1 from ${assetImportRows} o where o.import_id = ${importId} and o.existing_id = ${assets.id} and o.serial is not null)`
    : sql``;
  const bySerials = sql`select ${columns} from ${keyList(serials)} join ${assets} on lower(${assets.serial}) = k.key${movedAway}`;
  const found = await queryRows<ExistingAsset>(tx, serials.length > 0 ? sql`${byTags} union all ${bySerials}` : byTags);
  const byTag = new Map(found.map((asset) => [asset.assetTag.toLowerCase(), asset]));
  const bySerial = new Map(found.flatMap((asset) => (asset.serial ? [[asset.serial.toLowerCase(), asset]] : [])));

  const valid: CheckedRow[] = [];
  const errors: ImportError[] = [];
  for (const row of rows) {
    const existing = byTag.get(row.assetTag.toLowerCase()) ?? null;
    const serialOwner = row.values.serial ? bySerial.get(row.values.serial.toLowerCase()) : undefined;
    const status = row.values.status;
    let problem: string | null = null;
    if (serialOwner && serialOwner.id !== existing?.id)
      problem = `serial ${row.values.serial} already used by ${serialOwner.assetTag}`;
    else if (status === 'deployed' && !existing?.checkedOut)
      problem = 'status deployed is set by checking the asset out; use in_stock and check it out';
    else if (status && status !== 'deployed' && existing?.checkedOut)
      problem = `${existing.assetTag} is checked out; check it in before changing its status`;
    if (problem) errors.push({ line: row.line, message: problem });
    else valid.push({ row, existing });
  }
  return { valid, errors };
}

/**
 * Lookup keys as a join, so each probes its unique index: PGlite keeps no planner statistics, and
 * "lower(asset_tag) in (…)" made it scan the whole table for every batch.
 */
function keyList(keys: string[]): SQL {
  return sql`(values ${sql.join(
    keys.map((key) => sql`(${key}::text)`),
    sql`, `,
  )}) as k(key)`;
}
