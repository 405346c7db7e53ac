import 'server-only';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { assets } from '../db/schema-domain';
import { locations } from '../db/schema-places';
import { escapeLike } from '../db/text-search';
import { AppError } from '../errors';
import { isUuid } from '../validation';
import { assertCanManageLocations, locationNotFound } from './access';
import { pathSeparator, splitPath } from './schemas';

export type LocationSummary = { id: string; parentId: string | null; name: string; path: string; version: number };
export type LocationNode = LocationSummary & { depth: number; assets: number };

const locationColumns = {
  id: locations.id,
  parentId: locations.parentId,
  name: locations.name,
  path: locations.path,
  version: locations.version,
};

/** Paths under `path` (not itself): they start with it and the separator; one range of the prefix index. */
export function belowPath(path: string): SQL {
  return sql`lower(${locations.path}) like ${`${escapeLike(path.toLowerCase())}${pathSeparator}%`}`;
}

/**
 * The assets at a place or anywhere under it: the subtree's ids from the (small) places table by
 * path prefix, then assets_location_idx for each, so it stays an index lookup at 50,000 assets.
 */
export function inSubtreeCondition(locationId: string): SQL {
  return sql`${assets.locationId} in (
    select l.id from ${locations} l, ${locations} top
    where top.id = ${locationId}
      and (l.id = top.id or starts_with(lower(l.path), lower(top.path) || ${pathSeparator}))
  )`;
}

/** Every place in tree order (a parent before its children, siblings by name), with the assets directly at it. */
export async function listLocationTree(executor: Executor, actor: Actor): Promise<LocationNode[]> {
  assertCanManageLocations(actor);
  const rows = await queryRows<LocationSummary & { assets: number }>(
    executor,
    sql`select l.id, l.parent_id as "parentId", l.name, l.path, l.version,
          (select count(*)::int from ${assets} a where a.location_id = l.id) as assets
        from ${locations} l`,
  );
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const ordered: LocationNode[] = [];
  const visit = (parentId: string | null, depth: number) => {
    const siblings = (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    for (const node of siblings) {
      ordered.push({ ...node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/** Every place's id and path, for pickers and filters. */
export async function listLocationChoices(executor: Executor): Promise<{ id: string; path: string }[]> {
  return executor
    .select({ id: locations.id, path: locations.path })
    .from(locations)
    .orderBy(asc(sql`lower(${locations.path})`));
}

export async function findLocation(executor: Executor, actor: Actor, id: string): Promise<LocationSummary> {
  assertCanManageLocations(actor);
  if (!isUuid(id)) throw locationNotFound();
  const [row] = await executor.select(locationColumns).from(locations).where(eq(locations.id, id)).limit(1);
  if (!row) throw locationNotFound();
  return row;
}

export type LocationAsset = { id: string; assetTag: string; name: string; status: string; location: string | null };

/** The assets at a place and under it, by tag; `limit` keeps a page short. */
export async function listAssetsAt(
  executor: Executor,
  actor: Actor,
  locationId: string,
  limit = 500,
): Promise<LocationAsset[]> {
  assertCanManageLocations(actor);
  return executor
    .select({
      id: assets.id,
      assetTag: assets.assetTag,
      name: assets.name,
      status: assets.status,
      location: assets.location,
    })
    .from(assets)
    .where(inSubtreeCondition(locationId))
    .orderBy(asc(sql`lower(${assets.assetTag})`))
    .limit(limit);
}

/** The place an asset is being put at; an unknown id is a mistake in the form's field. */
export async function placeForAsset(executor: Executor, id: string): Promise<{ id: string; path: string }> {
  const [row] = isUuid(id)
    ? await executor.select({ id: locations.id, path: locations.path }).from(locations).where(eq(locations.id, id))
    : [];
  if (!row) {
    const message = 'No such place: choose one from the list.';
    throw new AppError('validation_failed', message, { fields: { locationId: message } });
  }
  return row;
}

/**
 * The place at a path typed as text ("hq/floor 2" finds "HQ / Floor 2"): the parts trimmed and
 * joined as stored paths are, any letter case, by locations_path_key; null when no place has it.
 */
export async function findPlaceByPath(executor: Executor, path: string): Promise<{ id: string; path: string } | null> {
  const stored = splitPath(path).join(pathSeparator);
  if (!stored) return null;
  const [row] = await executor
    .select({ id: locations.id, path: locations.path })
    .from(locations)
    .where(sql`lower(${locations.path}) = lower(${stored})`)
    .limit(1);
  return row ?? null;
}
