import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Transaction } from '../db/client';
import { assets } from '../db/schema-domain';
import { assertCanManageAssets } from './access';
import { parseAssetCsv, type ImportError, type ImportRow, type ParsedImport } from './csv-import-rows';
import { duplicateAssetError } from './uniqueness';

export type ImportMode = 'all' | 'valid-only';
export type ImportProgress = { phase: 'checking' | 'importing'; done: number; total: number };
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
};

type ExistingAsset = { id: string; assetTag: string; serial: string | null; checkedOut: boolean };
const lookupChunk = 1000;
const insertChunk = 500;

export type ImportRequest = {
  /** The file's text, or its rows already parsed (a route parses first, to refuse an oversized file before it streams). */
  csv: string | ParsedImport;
  mode: ImportMode;
  dryRun: boolean;
  fileName?: string;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

/**
 * Imports assets from CSV text (or its already parsed rows): creates or updates by asset tag. Every row is checked before
 * anything is written; with errors, "all" writes nothing and "valid-only" writes the good rows.
 * Run it in one transaction: the whole import commits with its one audit row, or nothing does.
 */
export async function importAssets(tx: Transaction, actor: Actor, input: ImportRequest): Promise<ImportResult> {
  assertCanManageAssets(actor);
  const onProgress = input.onProgress ?? (() => {});
  const parsed = typeof input.csv === 'string' ? parseAssetCsv(input.csv) : input.csv;
  const { valid, errors } = await checkAgainstInventory(tx, parsed.rows, parsed.total, onProgress);
  errors.push(...parsed.errors);
  errors.sort((a, b) => a.line - b.line);
  const creates = valid.filter((entry) => !entry.existing);
  const updates = valid.filter((entry) => entry.existing);
  const base = { dryRun: input.dryRun, mode: input.mode, total: parsed.total, errors };
  if (input.dryRun)
    return {
      ...base,
      applied: false,
      created: creates.length,
      updated: updates.length,
      skipped: parsed.total - valid.length,
    };
  if (errors.length > 0 && input.mode === 'all')
    return { ...base, applied: false, created: 0, updated: 0, skipped: parsed.total };

  const toWrite = valid.length;
  let done = 0;
  try {
    for (let start = 0; start < creates.length; start += insertChunk) {
      const chunk = creates.slice(start, start + insertChunk);
      await tx
        .insert(assets)
        .values(
          chunk.map(({ row }) => ({ assetTag: row.assetTag, ...row.values, category: row.values.category ?? 'Other' })),
        );
      done += chunk.length;
      await onProgress({ phase: 'importing', done, total: toWrite });
    }
    for (let start = 0; start < updates.length; start += insertChunk) {
      const chunk = updates.slice(start, start + insertChunk);
      await updateChunk(tx, chunk);
      done += chunk.length;
      await onProgress({ phase: 'importing', done, total: toWrite });
    }
  } catch (error) {
    throw duplicateAssetError(error) ?? error;
  }
  const result = {
    ...base,
    applied: true,
    created: creates.length,
    updated: updates.length,
    skipped: parsed.total - valid.length,
  };
  await recordAudit(tx, actor, {
    action: 'asset.import',
    details: {
      fileName: input.fileName ?? null,
      mode: input.mode,
      created: result.created,
      updated: result.updated,
      skipped: result.skipped,
      errors: errors.length,
    },
  });
  return result;
}

type CheckedRow = { row: ImportRow; existing: ExistingAsset | null };

/**
 * Updates many assets in one statement. A blank cell (null here) keeps the asset's value, so each
 * column falls back to the current one through coalesce.
 */
async function updateChunk(tx: Transaction, chunk: CheckedRow[]): Promise<void> {
  const values = sql.join(
    chunk.map(({ row, existing }) => {
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

/** The checks that need the inventory: which tags exist, who holds each serial, what a checked-out asset may become. */
async function checkAgainstInventory(
  tx: Transaction,
  rows: ImportRow[],
  total: number,
  onProgress: (progress: ImportProgress) => void | Promise<void>,
): Promise<{ valid: CheckedRow[]; errors: ImportError[] }> {
  const byTag = new Map<string, ExistingAsset>();
  const bySerial = new Map<string, ExistingAsset>();
  for (let start = 0; start < rows.length; start += lookupChunk) {
    const chunk = rows.slice(start, start + lookupChunk);
    const tags = chunk.map((row) => row.assetTag.toLowerCase());
    const serials = chunk.flatMap((row) => (row.values.serial ? [row.values.serial.toLowerCase()] : []));
    const found = await tx
      .select({
        id: assets.id,
        assetTag: assets.assetTag,
        serial: assets.serial,
        checkedOut: sql<boolean>`${assets.assignedToId} is not null`.mapWith(Boolean),
      })
      .from(assets)
      .where(
        serials.length > 0
          ? sql`${inArray(sql`lower(${assets.assetTag})`, tags)} or ${inArray(sql`lower(${assets.serial})`, serials)}`
          : inArray(sql`lower(${assets.assetTag})`, tags),
      );
    for (const asset of found) {
      byTag.set(asset.assetTag.toLowerCase(), asset);
      if (asset.serial) bySerial.set(asset.serial.toLowerCase(), asset);
    }
    await onProgress({ phase: 'checking', done: Math.min(start + lookupChunk, rows.length), total });
  }

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
