import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { assets } from '../db/schema-domain';
import { locations } from '../db/schema-places';
import { updateAtVersion } from '../db/versioned';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { assertCanManageLocations, locationNotFound } from './access';
import { belowPath, findLocation, type LocationSummary } from './queries';
import { takeTreeTurn } from './tree-turn';
import {
  moveLocationSchema,
  newLocationSchema,
  pathSeparator,
  removeLocationSchema,
  renameLocationSchema,
  splitPath,
} from './schemas';

// Places: create, rename, move, remove an empty one. A place's path, and the path text of every
// asset at or under it, change in the transaction that renames or moves it.

export const auditLocation = auditFor('location', (location: { path: string }) => ({ path: location.path }));

const pathTaken = (path: string) => {
  const message = `“${path}” already exists.`;
  return new AppError('conflict', message, { fields: { name: message } });
};

async function insertLocation(tx: Transaction, name: string, parent: LocationSummary | null) {
  const path = parent ? `${parent.path}${pathSeparator}${name}` : name;
  try {
    const [row] = await tx
      .insert(locations)
      .values({ name, path, parentId: parent?.id ?? null })
      .returning({
        id: locations.id,
        parentId: locations.parentId,
        name: locations.name,
        path: locations.path,
        version: locations.version,
      });
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw pathTaken(path);
    throw error;
  }
}

export async function createLocation(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof newLocationSchema>,
): Promise<LocationSummary> {
  assertCanManageLocations(actor);
  const { name, parentId } = parseInput(newLocationSchema, input);
  await takeTreeTurn(tx);
  const parent = parentId ? await findLocation(tx, actor, parentId) : null;
  const created = await tx.transaction((savepoint) => insertLocation(savepoint, name, parent));
  await auditLocation(tx, actor, 'location.create', created);
  return created;
}

/** The place a rename or move changes, read in the tree's turn and refused if it changed since `version`. */
async function placeToChange(tx: Transaction, actor: Actor, id: string, version: number): Promise<LocationSummary> {
  await takeTreeTurn(tx);
  const location = await findLocation(tx, actor, id);
  if (location.version !== version) throw new AppError('conflict', 'Someone changed this place meanwhile; reload it.');
  return location;
}

/** Moves the place and everything under it from `from` to `to`: places' paths and assets' path text. */
async function repath(tx: Transaction, from: string, to: string): Promise<void> {
  // Counted in characters by PostgreSQL, as substr counts (a JavaScript length counts UTF-16 units).
  const rewrite = (column: string) => sql`${to} || substr(${sql.raw(column)}, char_length(${from}) + 1)`;
  try {
    // Each rewritten place gets a new version: an edit of a place below, read before this, is refused as stale.
    await tx.execute(sql`update ${locations} set path = ${rewrite('path')}, version = version + 1
      where lower(path) = lower(${from}) or ${belowPath(from)}`);
  } catch (error) {
    if (isUniqueViolation(error)) throw pathTaken(to);
    throw error;
  }
  await tx.execute(sql`update ${assets} set location = l.path
    from ${locations} l where ${assets.locationId} = l.id and (lower(l.path) = lower(${to}) or starts_with(lower(l.path), lower(${to + pathSeparator})))`);
}

export async function renameLocation(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof renameLocationSchema>,
): Promise<LocationSummary> {
  assertCanManageLocations(actor);
  const { id, name, version } = parseInput(renameLocationSchema, input);
  const location = await placeToChange(tx, actor, id, version);
  if (location.name === name) return location;
  const parts = splitPath(location.path);
  const path = [...parts.slice(0, -1), name].join(pathSeparator);
  await updateAtVersion(tx, locations, location, { name });
  await repath(tx, location.path, path);
  await auditLocation(tx, actor, 'location.rename', { id, path }, { from: location.path, to: path });
  return findLocation(tx, actor, id);
}

export async function moveLocation(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof moveLocationSchema>,
): Promise<LocationSummary> {
  assertCanManageLocations(actor);
  const { id, parentId, version } = parseInput(moveLocationSchema, input);
  const location = await placeToChange(tx, actor, id, version);
  const parent = parentId ? await findLocation(tx, actor, parentId) : null;
  if ((parent?.id ?? null) === location.parentId) return location;
  const lower = (text: string) => text.toLowerCase();
  if (parent && (parent.id === id || lower(parent.path).startsWith(lower(location.path + pathSeparator)))) {
    const message = 'A place cannot move into itself or a place under it.';
    throw new AppError('validation_failed', message, { fields: { parentId: message } });
  }
  const path = parent ? `${parent.path}${pathSeparator}${location.name}` : location.name;
  await updateAtVersion(tx, locations, location, { parentId: parent?.id ?? null });
  await repath(tx, location.path, path);
  await auditLocation(tx, actor, 'location.move', { id, path }, { from: location.path, to: path });
  return findLocation(tx, actor, id);
}

/** Removes a place with no assets and no places under it. */
export async function removeLocation(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof removeLocationSchema>,
): Promise<{ path: string }> {
  assertCanManageLocations(actor);
  const { id } = parseInput(removeLocationSchema, input);
  await takeTreeTurn(tx);
  const location = await findLocation(tx, actor, id);
  const [children] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(locations)
    .where(eq(locations.parentId, id));
  const [held] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(assets)
    .where(eq(assets.locationId, id));
  if (children.n > 0 || held.n > 0) {
    const what = [children.n > 0 ? `${children.n} place(s) under it` : '', held.n > 0 ? `${held.n} asset(s)` : '']
      .filter(Boolean)
      .join(' and ');
    throw new AppError('conflict', `“${location.path}” still has ${what}; move them first.`);
  }
  await tx.delete(locations).where(and(eq(locations.id, id)));
  await auditLocation(tx, actor, 'location.remove', location);
  return { path: location.path };
}

/**
 * The place at `path` ("HQ / 2nd floor / 2.14"), creating each missing part under the one before
 * (as Snipe-IT's importer does); parts match in any letter case. For the CSV import.
 */
export async function ensureLocationPath(tx: Transaction, actor: Actor, path: string): Promise<LocationSummary> {
  assertCanManageLocations(actor);
  await takeTreeTurn(tx);
  let parent: LocationSummary | null = null;
  for (const name of splitPath(path)) {
    const wanted: string = parent ? `${parent.path}${pathSeparator}${name}` : name;
    const [existing] = await tx
      .select({
        id: locations.id,
        parentId: locations.parentId,
        name: locations.name,
        path: locations.path,
        version: locations.version,
      })
      .from(locations)
      .where(sql`lower(${locations.path}) = lower(${wanted})`)
      .limit(1);
    if (existing) {
      parent = existing;
      continue;
    }
    const created = await tx.transaction((savepoint) => insertLocation(savepoint, name, parent));
    await auditLocation(tx, actor, 'location.create', created, { byImport: true });
    parent = created;
  }
  if (!parent) throw locationNotFound();
  return parent;
}
