import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { queryRows } from '../../db/rows';
import { assetImportRows } from '../../db/schema-asset-import';
import { assets } from '../../db/schema-domain';
import { normalizeHeader, type ImportError, type ImportRow } from '../csv-import-rows';
import { listAllCustomFields, type CategoryField } from '../../custom-fields/definitions';
import { checkCustomValues } from '../../custom-fields/values';
import type { StoredValues } from '../../custom-fields/values-schema';
import { isAppError } from '../../errors';

type ExistingAsset = {
  id: string;
  /** As checked: apply.ts refuses the row when the asset changed since. */
  version: number;
  assetTag: string;
  serial: string | null;
  checkedOut: boolean;
  category: string;
  customValues: StoredValues;
};
/** `customValues`: the asset's values after the row, checked; undefined when the row leaves them. */
export type CheckedRow = { row: ImportRow; existing: ExistingAsset | null; customValues?: StoredValues };

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
  const columns = sql`${assets.id} as id, ${assets.version} as version, ${assets.assetTag} as "assetTag", ${assets.serial} as serial, ${assets.assignedToId} is not null as "checkedOut", ${assets.category} as category, ${assets.customValues} as "customValues"`;
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
  const fields = await listAllCustomFields(tx);
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
    if (problem) {
      errors.push({ line: row.line, message: problem });
      continue;
    }
    const custom = checkRowCustomValues(fields, row, existing);
    if (typeof custom === 'string') errors.push({ line: row.line, message: custom });
    else valid.push({ row, existing, customValues: custom });
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

/**
 * The row's custom values, by the rules the form and the API use (customValuesSchema): columns
 * named like a custom field of any category are its cells, other extra columns are ignored as
 * before. Checked for a new asset, a changed category or any cell given; otherwise left alone.
 */
function checkRowCustomValues(
  fields: CategoryField[],
  row: ImportRow,
  existing: ExistingAsset | null,
): StoredValues | undefined | string {
  const fieldHeaders = new Set(fields.map((field) => normalizeHeader(field.name)));
  const given = Object.fromEntries(
    Object.entries(row.values.extraCells ?? {}).filter(([column]) => fieldHeaders.has(column)),
  );
  const category = row.values.category ?? existing?.category ?? 'Other';
  const categoryChanged = existing && category.toLowerCase() !== existing.category.toLowerCase();
  if (existing && !categoryChanged && Object.keys(given).length === 0) return undefined;
  const own = fields.filter((field) => field.category.toLowerCase() === category.toLowerCase());
  // A cell's header is the field's name as the import reads headers ("RAM GB" → "ram_gb").
  const byHeader = Object.fromEntries(
    Object.entries(given).map(([column, text]) => [
      own.find((field) => normalizeHeader(field.name) === column)?.id ?? column,
      text,
    ]),
  );
  try {
    return checkCustomValues(own, category, existing?.customValues ?? {}, byHeader);
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
}
