import 'server-only';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isAdmin, isStaff, type Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { savedViews, type SavedViewList } from '../db/schema-desk';
import { updateAtVersion } from '../db/versioned';
import { AppError } from '../errors';
import { keptResults, viewerFactsKeptForMs } from '../kept-results';
import { parseInput } from '../validation';
import { countViewRows, normalizeViewQuery, viewHref } from './list-queries';
import { newSavedViewSchema, savedViewRemoveSchema, savedViewRenameSchema } from './schemas';

// Saved views: a ticket or asset list's filters and sort, by name. Personal ones are seen by their
// owner alone; shared ones (made by agents and admins) by every agent and admin. The owner renames
// and removes a view; admins may remove any shared one. Anything else is "not found".

export type SavedView = {
  id: string;
  list: SavedViewList;
  name: string;
  query: string;
  href: string;
  shared: boolean;
  version: number;
  /** Whether `actor` may rename it (their own). */
  own: boolean;
  /** Whether `actor` may remove it (their own, or any shared one for an admin). */
  removable: boolean;
};
export type SavedViewWithCount = SavedView & { count: number };

// The side menu shows each view's count on every page. A count is its list's own count, which for
// a text search can read thousands of rows, so it is kept for half a minute per person and view.
const viewCounts = keptResults<number>('saved-view-counts', { keptForMs: 30_000, max: 20_000 });
// The side menu lists them on every page: the list is kept as long as the viewer's session check.
const viewLists = keptResults<SavedView[]>('saved-view-lists', { keptForMs: viewerFactsKeptForMs, max: 10_000 });

/** How many views one person sees at most: the side menu and its counts stay small. */
export const maxVisibleViews = 30;

const auditView = auditFor('saved_view', (view: { name: string; list: SavedViewList; shared: boolean }) => ({
  name: view.name,
  list: view.list,
  shared: view.shared,
}));

const notFound = () => new AppError('not_found', 'No such view.');

const visibleTo = (actor: Actor) =>
  isStaff(actor) ? or(eq(savedViews.ownerId, actor.id), eq(savedViews.shared, true)) : eq(savedViews.ownerId, actor.id);

/**
 * The views `actor` sees: their own first (all of them: saveView keeps them within the menu's
 * `maxVisibleViews`), then shared ones; tickets before assets, then by name. `limit: null` is every
 * one, for the page where views are managed.
 */
export async function listSavedViews(
  executor: Executor,
  actor: Actor,
  { limit = maxVisibleViews }: { limit?: number | null } = {},
): Promise<SavedView[]> {
  const query = executor
    .select({
      id: savedViews.id,
      list: savedViews.list,
      name: savedViews.name,
      query: savedViews.query,
      shared: savedViews.shared,
      ownerId: savedViews.ownerId,
      version: savedViews.version,
    })
    .from(savedViews)
    .where(visibleTo(actor))
    .orderBy(
      sql`${savedViews.ownerId} = ${actor.id} desc`,
      desc(savedViews.list),
      asc(sql`lower(${savedViews.name})`),
      asc(savedViews.id),
    );
  const rows = limit === null ? await query : await query.limit(limit);
  return rows.map(({ ownerId, ...row }) => ({
    ...row,
    href: viewHref(row.list, row.query),
    own: ownerId === actor.id,
    removable: ownerId === actor.id || (row.shared && isAdmin(actor)),
  }));
}

/**
 * The views `actor` sees with how many rows each shows them now: the menu's (`maxVisibleViews`), or
 * with `every` all of them. Only their views are counted, each with its list's own count query, all at once.
 */
export async function listSavedViewsWithCounts(
  executor: Executor,
  actor: Actor,
  { every = false }: { every?: boolean } = {},
): Promise<SavedViewWithCount[]> {
  const views = every
    ? await listSavedViews(executor, actor, { limit: null })
    : await viewLists.get(`${actor.id} ${actor.role}`, () => listSavedViews(executor, actor));
  const counts = await Promise.all(
    views.map((view) =>
      viewCounts.get(`${actor.id} ${view.id} ${view.query}`, () => countViewRows(executor, actor, view)),
    ),
  );
  return views.map((view, index) => ({ ...view, count: counts[index] }));
}

export async function saveView(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof newSavedViewSchema>,
): Promise<{ id: string; href: string }> {
  const { list, name, query, shared } = parseInput(newSavedViewSchema, input);
  if (shared && !isStaff(actor)) throw new AppError('forbidden', 'Only agents and admins share views.');
  // Taken under a lock on the person, so two saves at once cannot both take the last place.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('saved-views'), hashtext(${actor.id}))`);
  const [owned] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(savedViews)
    .where(eq(savedViews.ownerId, actor.id));
  if (owned.count >= maxVisibleViews)
    throw new AppError(
      'conflict',
      `You have ${maxVisibleViews} saved views, as many as the menu shows: remove one under Saved views first.`,
      { fields: { name: `You have ${maxVisibleViews} saved views already.` } },
    );
  const kept = normalizeViewQuery(list, query);
  const [row] = await tx
    .insert(savedViews)
    .values({ ownerId: actor.id, list, name, query: kept, shared })
    .returning({ id: savedViews.id });
  await auditView(tx, actor, 'saved_view.create', { id: row.id, name, list, shared }, { query: kept });
  return { id: row.id, href: viewHref(list, kept) };
}

async function loadVisible(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      id: savedViews.id,
      name: savedViews.name,
      list: savedViews.list,
      shared: savedViews.shared,
      ownerId: savedViews.ownerId,
    })
    .from(savedViews)
    .where(and(eq(savedViews.id, id), visibleTo(actor)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

export async function renameView(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof savedViewRenameSchema>,
): Promise<{ version: number }> {
  const { id, version, name } = parseInput(savedViewRenameSchema, input);
  const view = await loadVisible(tx, actor, id);
  if (view.ownerId !== actor.id) throw new AppError('forbidden', 'Only the person who saved a view renames it.');
  const next = await updateAtVersion(tx, savedViews, { id, version }, { name });
  await auditView(tx, actor, 'saved_view.rename', { ...view, name }, { from: view.name });
  return { version: next };
}

export async function removeView(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof savedViewRemoveSchema>,
): Promise<{ name: string }> {
  const { id } = parseInput(savedViewRemoveSchema, input);
  const view = await loadVisible(tx, actor, id);
  if (view.ownerId !== actor.id && !(view.shared && isAdmin(actor)))
    throw new AppError('forbidden', 'Only the person who saved a view, or an admin, removes it.');
  await tx.delete(savedViews).where(eq(savedViews.id, id));
  await auditView(tx, actor, 'saved_view.remove', view);
  return { name: view.name };
}
