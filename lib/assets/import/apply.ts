import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { queryRows } from '../../db/rows';
import { catalogValues, type CatalogKind } from '../../db/schema-catalog';
import { assetImportRows } from '../../db/schema-asset-import';
import { assets } from '../../db/schema-domain';
import { locations } from '../../db/schema-places';
import type { Actor } from '../../actor';
import { ensureLocationPath } from '../../locations/mutations';
import { takeTreeTurn } from '../../locations/tree-turn';
import type { ImportError } from '../csv-import-rows';
import { refusal, writeOrReportByLine } from './refusal';

// The last step of an import: its waiting rows (staging.ts) become assets in set-based statements,
// inside the one transaction that also claims the import and writes its audit row, so all of them
// land together or none does. Statement-level triggers keep the status counts.

/** A waiting row the database refused when applied; `update` says which count it leaves. */
export type RefusedRow = ImportError & { update: boolean };
type Line = { line: number; update: boolean };
type Lines = { from: number; to: number };

const linesPerStep = 1000;

/**
 * Applies the import's waiting rows: updates by the asset each was matched to, then creates (so a
 * serial an update moves away is free for a new asset), with category, manufacturer and model in
 * their listed spellings. Rows whose asset someone else changed, or whose tag or serial another
 * save took, since they were checked are refused by line, the others applied.
 */
export async function applyWaitingRows(tx: Transaction, actor: Actor, importId: string): Promise<RefusedRow[]> {
  // The rows may create places: the tree's turn comes before the first asset is locked (tree-turn.ts).
  await takeTreeTurn(tx);
  const [range] = await queryRows<{ from: number | null; to: number | null }>(
    tx,
    sql`select min(line) as from, max(line) as to from ${assetImportRows} where import_id = ${importId}`,
  );
  if (range.from === null || range.to === null) return [];
  const all = { from: range.from, to: range.to };
  const refused: RefusedRow[] = (await dropChangedMeanwhile(tx, importId, all)).map((row) => ({
    ...row,
    message: 'the asset was changed by someone else since the file was checked; import this line again',
  }));
  try {
    await tx.transaction((savepoint) => writeInSteps(savepoint, actor, importId, all));
    return refused;
  } catch (error) {
    if (!refusal(error)) throw error;
  }
  refused.push(
    ...(await dropTakenMeanwhile(tx, importId)).map((row) => ({
      ...row,
      message: 'the asset tag or serial was just taken by another asset',
    })),
  );
  // What still fails (a chain of serials moved between assets) is found line by line, in file order.
  const lines = await queryRows<Line>(
    tx,
    sql`select line, existing_id is not null as update from ${assetImportRows} where import_id = ${importId} order by line`,
  );
  const { refused: failed } = await writeOrReportByLine(
    tx,
    lines,
    (entry) => entry.line,
    (savepoint, entries) =>
      writeInSteps(savepoint, actor, importId, { from: entries[0].line, to: entries.at(-1)!.line }),
  );
  const updates = new Set(lines.filter((entry) => entry.update).map((entry) => entry.line));
  refused.push(...failed.map((error) => ({ ...error, update: updates.has(error.line) })));
  return refused.sort((a, b) => a.line - b.line);
}

/**
 * Writes the lines a step at a time, in file order. Between steps the event loop turns: on the
 * embedded database a statement holds it while it runs, and 20,000 rows take seconds.
 */
async function writeInSteps(tx: Transaction, actor: Actor, importId: string, lines: Lines): Promise<void> {
  for (let from = lines.from; from <= lines.to; from += linesPerStep) {
    const step = { from, to: Math.min(from + linesPerStep - 1, lines.to) };
    await listNewSpellings(tx, importId, step);
    await createMissingPlaces(tx, actor, importId, step);
    await writeAssets(tx, importId, step);
    await new Promise(setImmediate);
  }
}

/**
 * Adds each category, manufacturer and model not listed yet, in the spelling first typed in the
 * file (steps run in file order: an earlier step's spelling is listed before a later one's).
 */
async function listNewSpellings(tx: Transaction, importId: string, lines: Lines): Promise<void> {
  await tx.execute(sql`
    insert into ${catalogValues} (kind, name)
    select distinct on (v.kind, lower(v.name)) v.kind, v.name
    from ${assetImportRows} s
    cross join lateral (values ('category', s.category), ('manufacturer', s.manufacturer), ('model', s.model)) as v(kind, name)
    where s.import_id = ${importId} and s.line between ${lines.from} and ${lines.to} and v.name <> ''
    order by v.kind, lower(v.name), s.line
    on conflict do nothing`);
}

/**
 * Creates the places the lines name that do not exist yet, each missing part of the path under the
 * one before it (as Snipe-IT's importer does): a file can bring a new room without a visit to the
 * Locations page first. A file has few distinct paths, so one at a time is enough.
 */
async function createMissingPlaces(tx: Transaction, actor: Actor, importId: string, lines: Lines): Promise<void> {
  const missing = await queryRows<{ path: string }>(
    tx,
    sql`select distinct on (lower(s.location)) s.location as path from ${assetImportRows} s
        where s.import_id = ${importId} and s.line between ${lines.from} and ${lines.to} and s.location is not null
          and not exists (select 1 from ${locations} l where lower(l.path) = lower(s.location))
        order by lower(s.location), s.line`,
  );
  for (const { path } of missing) await ensureLocationPath(tx, actor, path);
}

/** A place named by its path, in any letter case: one probe of locations_path_key. */
const placeColumn = (column: 'id' | 'path') =>
  sql`(select l.${sql.raw(column)} from ${locations} l where lower(l.path) = lower(s.location))`;

/** A value in the list's spelling: one probe of the list's unique index. */
const listed = (kind: CatalogKind, value: SQL) =>
  sql`(select c.name from ${catalogValues} c where c.kind = ${kind} and lower(c.name) = lower(${value}))`;

/** Updates, then creates, the assets of the lines' waiting rows. A blank cell (null) keeps an updated asset's value. */
async function writeAssets(tx: Transaction, importId: string, lines: Lines): Promise<void> {
  const rows = sql`s.import_id = ${importId} and s.line between ${lines.from} and ${lines.to}`;
  await tx.execute(sql`
    update ${assets} set
      asset_tag = s.asset_tag, name = s.name,
      category = coalesce(${listed('category', sql`s.category`)}, s.category, ${assets.category}),
      manufacturer = coalesce(${listed('manufacturer', sql`s.manufacturer`)}, s.manufacturer, ${assets.manufacturer}),
      model = coalesce(${listed('model', sql`s.model`)}, s.model, ${assets.model}),
      serial = coalesce(s.serial, ${assets.serial}), status = coalesce(s.status, ${assets.status}),
      location = coalesce(${placeColumn('path')}, ${assets.location}),
      location_id = coalesce(${placeColumn('id')}, ${assets.locationId}),
      custom_values = coalesce(s.custom_values, ${assets.customValues}), purchase_date = coalesce(s.purchase_date, ${assets.purchaseDate}),
      purchase_cost = coalesce(s.purchase_cost, ${assets.purchaseCost}), warranty_end = coalesce(s.warranty_end, ${assets.warrantyEnd}),
      notes = coalesce(s.notes, ${assets.notes}), version = ${assets.version} + 1, updated_at = now()
    from ${assetImportRows} s
    where ${rows} and s.existing_id is not null and ${assets.id} = s.existing_id`);
  await tx.execute(sql`
    insert into ${assets} (asset_tag, name, category, manufacturer, model, serial, status, location,
      location_id, custom_values, purchase_date, purchase_cost, warranty_end, notes)
    select s.asset_tag, s.name, coalesce(${listed('category', sql`s.category`)}, s.category, 'Other'),
      coalesce(${listed('manufacturer', sql`s.manufacturer`)}, s.manufacturer),
      coalesce(${listed('model', sql`s.model`)}, s.model), s.serial, coalesce(s.status, 'in_stock'),
      ${placeColumn('path')}, ${placeColumn('id')}, coalesce(s.custom_values, '{}'::jsonb), s.purchase_date, s.purchase_cost, s.warranty_end, s.notes
    from ${assetImportRows} s
    where ${rows} and s.existing_id is null
    order by s.line`);
}

/**
 * Drops the waiting rows whose asset is no longer at the version it was checked at: the row's
 * values (custom values above all) were worked out from the asset as it was, and writing them would
 * silently undo the other edit. The matched assets are locked first, so none changes between this
 * check and the update. A step at a time, as the writes are, so the embedded database's event loop turns.
 */
async function dropChangedMeanwhile(tx: Transaction, importId: string, lines: Lines): Promise<Line[]> {
  const dropped: Line[] = [];
  for (let from = lines.from; from <= lines.to; from += linesPerStep) {
    const step = sql`import_id = ${importId} and line between ${from} and ${Math.min(from + linesPerStep - 1, lines.to)}`;
    const changed = await queryRows<Line>(
      tx,
      sql`with held as (
            select a.id, a.version from ${assets} a
            where a.id in (select existing_id from ${assetImportRows} where ${step})
            for update of a
          )
          delete from ${assetImportRows} s
          where ${step} and s.existing_id is not null
            and not exists (select 1 from held h where h.id = s.existing_id and h.version = s.existing_version)
          returning s.line, true as update`,
    );
    dropped.push(...changed);
    await new Promise(setImmediate);
  }
  return dropped;
}

/**
 * Drops the waiting rows whose tag or serial an asset outside the import holds now (saved by
 * someone else since the rows were checked); a serial an earlier update of this import moves away
 * does not count.
 */
async function dropTakenMeanwhile(tx: Transaction, importId: string): Promise<Line[]> {
  return queryRows<Line>(
    tx,
    sql`delete from ${assetImportRows} s
        where s.import_id = ${importId} and (
          exists (select 1 from ${assets} a where lower(a.asset_tag) = lower(s.asset_tag) and a.id is distinct from s.existing_id)
          or (s.serial is not null and exists (
            select 1 from ${assets} a
            where lower(a.serial) = lower(s.serial) and a.id is distinct from s.existing_id
              and not exists (
                select 1 from ${assetImportRows} o
                where o.import_id = s.import_id and o.existing_id = a.id and o.serial is not null
              )
          ))
        )
        returning s.line, s.existing_id is not null as update`,
  );
}
