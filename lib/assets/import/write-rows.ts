import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { queryRows } from '../../db/rows';
import { assets } from '../../db/schema-domain';
import { assetListFields } from '../../catalog/kinds';
import { inListedSpellings } from '../../catalog/spellings';
import type { ImportError, ImportRow } from '../csv-import-rows';

type ExistingAsset = { id: string; assetTag: string; serial: string | null; checkedOut: boolean };
export type CheckedRow = { row: ImportRow; existing: ExistingAsset | null };
export type Written = { created: number; updated: number; refused: ImportError[] };

/** The checks that need the inventory: which tags exist, who holds each serial, what a checked-out asset may become. */
export async function checkAgainstInventory(
  tx: Transaction,
  rows: ImportRow[],
): Promise<{ valid: CheckedRow[]; errors: ImportError[] }> {
  if (rows.length === 0) return { valid: [], errors: [] };
  const tags = rows.map((row) => row.assetTag.toLowerCase());
  const serials = rows.flatMap((row) => (row.values.serial ? [row.values.serial.toLowerCase()] : []));
  const columns = sql`${assets.id} as id, ${assets.assetTag} as "assetTag", ${assets.serial} as serial, ${assets.assignedToId} is not null as "checkedOut"`;
  const byTags = sql`select ${columns} from ${keyList(tags)} join ${assets} on lower(${assets.assetTag}) = k.key`;
  const bySerials = sql`select ${columns} from ${keyList(serials)} join ${assets} on lower(${assets.serial}) = k.key`;
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

/**
 * Writes a batch in a savepoint. When the database refuses a value the checks let through (a date
 * it cannot store, a tag taken meanwhile), the batch is written again row by row, so each refused
 * row is reported by its line and the others still go in.
 */
export async function writeRows(tx: Transaction, checked: CheckedRow[]): Promise<Written> {
  const spelled = await inListedSpellings(
    tx,
    assetListFields,
    checked.map((entry) => entry.row.values),
  );
  const batch = checked.map((entry, index) => ({ ...entry, row: { ...entry.row, values: spelled[index] } }));
  const creates = batch.filter((entry) => !entry.existing);
  const updates = batch.filter((entry) => entry.existing);
  try {
    await tx.transaction(async (savepoint) => {
      await insertRows(savepoint, creates);
      await updateRows(savepoint, updates);
    });
    return { created: creates.length, updated: updates.length, refused: [] };
  } catch (error) {
    if (!refusal(error)) throw error;
  }
  const written: Written = { created: 0, updated: 0, refused: [] };
  for (const entry of batch) {
    try {
      await tx.transaction((savepoint) => (entry.existing ? updateRows : insertRows)(savepoint, [entry]));
      if (entry.existing) written.updated++;
      else written.created++;
    } catch (error) {
      const message = refusal(error);
      if (!message) throw error;
      written.refused.push({ line: entry.row.line, message });
    }
    // Row by row is many small statements: let other requests in between them.
    await new Promise(setImmediate);
  }
  return written;
}

/** What to tell the user when the database refused a row's values (SQLSTATE classes 22 and 23); null for any other failure. */
function refusal(error: unknown): string | null {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (code === '22008') return 'a date is outside the range the database can store';
    if (code === '22003') return 'a number is outside the range the database can store';
    if (code === '23505') return 'the asset tag or serial was just taken by another asset';
    if (typeof code === 'string' && /^2[23]/.test(code)) return 'the database cannot store a value of this row';
  }
  return null;
}

async function insertRows(tx: Transaction, entries: CheckedRow[]): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(assets)
    .values(
      entries.map(({ row }) => ({ assetTag: row.assetTag, ...row.values, category: row.values.category ?? 'Other' })),
    );
}

/**
 * Updates many assets in one statement. A blank cell (null here) keeps the asset's value, so each
 * column falls back to the current one through coalesce.
 */
async function updateRows(tx: Transaction, entries: CheckedRow[]): Promise<void> {
  if (entries.length === 0) return;
  const values = sql.join(
    entries.map(({ row, existing }) => {
      const v = row.values;
      return sql`(${existing!.id}::uuid, ${row.assetTag}::text, ${v.name}::text, ${v.category ?? null}::text, ${v.manufacturer ?? null}::text,
        ${v.model ?? null}::text, ${v.serial ?? null}::text, ${v.status ?? null}::text, ${v.location ?? null}::text,
        ${v.purchaseDate ?? null}::date, ${v.purchaseCost ?? null}::numeric, ${v.warrantyEnd ?? null}::date, ${v.notes ?? null}::text)`;
    }),
    sql`, `,
  );
  await tx.execute(sql`
    update ${assets} set
      asset_tag = v.asset_tag, name = v.name,
      category = coalesce(v.category, ${assets.category}), manufacturer = coalesce(v.manufacturer, ${assets.manufacturer}),
      model = coalesce(v.model, ${assets.model}), serial = coalesce(v.serial, ${assets.serial}), status = coalesce(v.status, ${assets.status}),
      location = coalesce(v.location, ${assets.location}), purchase_date = coalesce(v.purchase_date, ${assets.purchaseDate}),
      purchase_cost = coalesce(v.purchase_cost, ${assets.purchaseCost}), warranty_end = coalesce(v.warranty_end, ${assets.warrantyEnd}),
      notes = coalesce(v.notes, ${assets.notes}), version = ${assets.version} + 1, updated_at = now()
    from (values ${values}) as v(id, asset_tag, name, category, manufacturer, model, serial, status, location, purchase_date, purchase_cost, warranty_end, notes)
    where ${assets.id} = v.id`);
}
