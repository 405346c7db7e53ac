import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import { listTotal, onPage, readPage, totalKey } from '../db/page';
import { queryRows } from '../db/rows';
import { users } from '../db/schema';
import { assetImages, assets, assetStatusCounts, type AssetStatus } from '../db/schema-domain';
import { keptTotal } from '../db/status-counts';
import { AppError } from '../errors';
import { narrowedOnlyBy, type Page, type TotalOptions } from '../list-params';
import { isUuid } from '../validation';
import { assetNotFoundMessage, canManageAssets, visibleAssetsCondition } from './access';
import type { AssetListParams } from './schemas';
import { assetSearchCondition } from './search';
import { listAllCustomFields, valuesByName } from '../custom-fields/definitions';
import type { CustomFieldDefinition, StoredValues } from '../custom-fields/values-schema';
import { inSubtreeCondition } from '../locations/queries';

export type AssetHolder = { id: string; username: string; displayName: string };

/** What may leave the data layer about an asset. Dates are YYYY-MM-DD strings, the cost a decimal string. */
export type AssetSummary = {
  id: string;
  assetTag: string;
  name: string;
  category: string;
  manufacturer: string | null;
  model: string | null;
  serial: string | null;
  status: AssetStatus;
  /** The path of the asset's place ("HQ / 2nd floor"), or null. */
  location: string | null;
  locationId: string | null;
  /** Custom field values by field id, as stored. */
  customValues: StoredValues;
  /** The same values by field name, for readers of the API. */
  customFields: StoredValues;
  /** When an audit of a place last scanned it. */
  lastSeenAt: Date | null;
  purchaseDate: string | null;
  purchaseCost: string | null;
  warrantyEnd: string | null;
  notes: string | null;
  assignedTo: AssetHolder | null;
  expectedReturn: string | null;
  hasImage: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const assetColumns = {
  id: assets.id,
  assetTag: assets.assetTag,
  name: assets.name,
  category: assets.category,
  manufacturer: assets.manufacturer,
  model: assets.model,
  serial: assets.serial,
  status: assets.status,
  location: assets.location,
  locationId: assets.locationId,
  customValues: assets.customValues,
  lastSeenAt: assets.lastSeenAt,
  purchaseDate: assets.purchaseDate,
  purchaseCost: assets.purchaseCost,
  warrantyEnd: assets.warrantyEnd,
  notes: assets.notes,
  expectedReturn: assets.expectedReturn,
  version: assets.version,
  createdAt: assets.createdAt,
  updatedAt: assets.updatedAt,
  holderId: users.id,
  holderUsername: users.username,
  holderDisplayName: users.displayName,
  hasImage: sql<boolean>`exists (select 1 from ${assetImages} where ${assetImages.assetId} = ${assets.id})`.mapWith(
    Boolean,
  ),
};

type AssetRow = Awaited<ReturnType<typeof selectAssets>>[number];

function toSummary(row: AssetRow, fields: readonly CustomFieldDefinition[]): AssetSummary {
  const { holderId, holderUsername, holderDisplayName, ...asset } = row;
  const assignedTo =
    holderId && holderUsername
      ? { id: holderId, username: holderUsername, displayName: holderDisplayName ?? holderUsername }
      : null;
  return { ...asset, customFields: valuesByName(fields, asset.customValues), assignedTo };
}

/** Rows as summaries, their custom values named by the fields' definitions (a short list). */
async function toSummaries(executor: Executor, rows: AssetRow[]): Promise<AssetSummary[]> {
  const fields = rows.some((row) => Object.keys(row.customValues).length > 0)
    ? await listAllCustomFields(executor)
    : [];
  return rows.map((row) => toSummary(row, fields));
}

function selectAssets(executor: Executor) {
  return executor.select(assetColumns).from(assets).leftJoin(users, eq(users.id, assets.assignedToId));
}

/** One asset the actor may see, or "not found" (the same answer whether it exists or not). */
export async function findAsset(executor: Executor, actor: Actor, id: string): Promise<AssetSummary> {
  if (!isUuid(id)) throw new AppError('not_found', assetNotFoundMessage);
  const [row] = await selectAssets(executor)
    .where(and(eq(assets.id, id), visibleAssetsCondition(actor)))
    .limit(1);
  if (!row) throw new AppError('not_found', assetNotFoundMessage);
  const [summary] = await toSummaries(executor, [row]);
  return summary;
}

export type AssetFilters = Omit<AssetListParams, 'page' | 'pageSize'>;

function filterConditions(actor: Actor, filters: Partial<AssetFilters>): SQL | undefined {
  const conditions: (SQL | undefined | null)[] = [visibleAssetsCondition(actor)];
  if (filters.status) conditions.push(eq(assets.status, filters.status));
  if (filters.category) conditions.push(eq(assets.category, filters.category));
  if (filters.assignedTo === 'none') conditions.push(isNull(assets.assignedToId));
  else if (filters.assignedTo === 'any') conditions.push(isNotNull(assets.assignedToId));
  else if (filters.assignedTo) conditions.push(eq(assets.assignedToId, filters.assignedTo));
  if (filters.q) conditions.push(assetSearchCondition(filters.q));
  if (filters.location) conditions.push(inSubtreeCondition(filters.location));
  if (filters.warrantyDays !== undefined) {
    // "Expiring within N days" includes warranties already ended; those need attention most.
    conditions.push(lte(assets.warrantyEnd, sql`(current_date + ${filters.warrantyDays}::int)`));
  }
  return and(...conditions.filter((condition): condition is SQL => Boolean(condition)));
}

function orderOf(filters: Pick<AssetFilters, 'sort' | 'dir'>): SQL[] {
  const direction = filters.dir === 'asc' ? asc : desc;
  // Each sort column is indexed; the id keeps pages stable when values tie.
  const column: Record<AssetFilters['sort'], SQL> = {
    tag: sql`lower(${assets.assetTag})`,
    name: sql`lower(${assets.name})`,
    status: sql`${assets.status}`,
    updated: sql`${assets.updatedAt}`,
    warranty: sql`${assets.warrantyEnd}`,
  };
  const primary =
    filters.sort === 'warranty'
      ? sql`${column.warranty} ${sql.raw(filters.dir === 'asc' ? 'asc' : 'desc')} nulls last`
      : direction(column[filters.sort]);
  const secondary = filters.sort === 'status' ? [direction(assets.updatedAt)] : [];
  return [primary, ...secondary, direction(assets.id)];
}

/** One page of the assets `actor` may see, and how many match, as `options` say (lib/list-params.ts). */
export function listAssets(
  executor: Executor,
  actor: Actor,
  params: AssetListParams,
  options: TotalOptions = {},
): Promise<Page<AssetSummary>> {
  const where = filterConditions(actor, params);
  const order = orderOf(params);
  // Staff with no filter but the status get the kept counts (a few rows) instead of a count.
  const fromKeptCounts = canManageAssets(actor) && narrowedOnlyBy(params, 'status');
  return readPage(
    params,
    selectAssets(executor)
      .where(onPage({ table: assets, where, order }, params))
      .orderBy(...order)
      .then((rows) => toSummaries(executor, rows)),
    fromKeptCounts
      ? keptTotal(executor, assetStatusCounts, params.status ? [params.status] : [])
      : listTotal(
          executor,
          { table: assets, where, searched: Boolean(params.q), keptFor: totalKey('assets', actor, params) },
          options,
        ),
  );
}

export const maxExportRows = 100_000;

/** Every asset matching the filters, in list order, for the CSV export. */
export async function listAssetsForExport(
  executor: Executor,
  actor: Actor,
  filters: AssetFilters,
): Promise<AssetSummary[]> {
  const rows = await selectAssets(executor)
    .where(filterConditions(actor, filters))
    .orderBy(...orderOf(filters))
    .limit(maxExportRows);
  return toSummaries(executor, rows);
}

export type AssetLabelRow = { id: string; assetTag: string; name: string };

/** Tag and name of the given assets or of every one matching the filters, in list order, for labels. */
export async function listAssetsForLabels(
  executor: Executor,
  actor: Actor,
  selection: { assetIds: string[] } | { filter: AssetFilters },
  limit: number,
): Promise<AssetLabelRow[]> {
  const columns = { id: assets.id, assetTag: assets.assetTag, name: assets.name };
  if ('assetIds' in selection) {
    const ids = selection.assetIds.filter(isUuid);
    if (ids.length === 0) return [];
    return executor
      .select(columns)
      .from(assets)
      .where(and(inArray(assets.id, ids), visibleAssetsCondition(actor)))
      .orderBy(sql`lower(${assets.assetTag})`)
      .limit(limit);
  }
  return executor
    .select(columns)
    .from(assets)
    .where(filterConditions(actor, selection.filter))
    .orderBy(...orderOf(selection.filter))
    .limit(limit);
}

/** The categories in use, for the filter. */
export async function listAssetCategories(executor: Executor, actor: Actor): Promise<string[]> {
  const visible = visibleAssetsCondition(actor);
  if (!visible) return everyAssetCategory(executor);
  const rows = await executor
    .selectDistinct({ category: assets.category })
    .from(assets)
    .where(visibleAssetsCondition(actor))
    .orderBy(asc(assets.category));
  return rows.map((row) => row.category);
}

/**
 * Every category in use, by hopping through assets_category_idx from one value to the next: one
 * index probe per category instead of reading all 50,000 entries for a handful of values.
 */
async function everyAssetCategory(executor: Executor): Promise<string[]> {
  const rows = await queryRows<{ category: string }>(
    executor,
    sql`
      with recursive categories(category) as (
        (select ${assets.category} from ${assets} order by ${assets.category} limit 1)
        union all
        select (select later.category from ${assets} as later where later.category > categories.category order by later.category limit 1)
        from categories
        where categories.category is not null
      )
      select category from categories where category is not null order by category`,
  );
  return rows.map((row) => row.category);
}

/** Users an asset can be checked out to: the active ones. */
export async function listAssignableUsers(executor: Executor): Promise<AssetHolder[]> {
  return executor
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(sql`lower(${users.displayName})`), asc(users.username));
}

/** The ids of the assets matching the filters, in list order, at most `limit` (a bulk change's "all matching"). */
export async function listMatchingAssetIds(
  executor: Executor,
  actor: Actor,
  filters: Partial<AssetFilters> & Pick<AssetFilters, 'sort' | 'dir'>,
  limit: number,
): Promise<string[]> {
  const rows = await executor
    .select({ id: assets.id })
    .from(assets)
    .where(filterConditions(actor, filters))
    .orderBy(...orderOf(filters))
    .limit(limit);
  return rows.map((row) => row.id);
}
