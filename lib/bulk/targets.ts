import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../actor';
import { visibleAssetsCondition } from '../assets/access';
import { listMatchingAssetIds, type AssetFilters } from '../assets/queries';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { assets, tickets } from '../db/schema-domain';
import { visibleTo } from '../tickets/access';
import { ticketListConditions } from '../tickets/list';
import { assigneeUser } from '../tickets/queries';
import { ticketReference } from '../tickets/rules';
import type { TicketFilters } from '../tickets/schemas';
import type { AssetItem, BulkTarget, TicketItem } from './action';

// The two kinds of record a bulk change works on: how to find them by a list's filters, and how
// to read the state its actions judge, many at a time, only what the actor may see.

/** One bulk change holds at most this many items. */
export const maxBulkItems = 20_000;
const readChunk = 1000;

export type BulkSelection =
  | { target: BulkTarget; ids: string[] }
  | { target: 'asset'; filters: AssetFilters }
  | { target: 'ticket'; filters: TicketFilters };

/** The selected ids, or those matching the filters; one more than the limit, so the caller can refuse. */
export async function selectedIds(executor: Executor, actor: Actor, selection: BulkSelection): Promise<string[]> {
  if ('ids' in selection) return [...new Set(selection.ids)];
  if (selection.target === 'asset') return listMatchingAssetIds(executor, actor, selection.filters, maxBulkItems + 1);
  const rows = await executor
    .select({ id: tickets.id })
    .from(tickets)
    .where(ticketListConditions(actor, selection.filters))
    .orderBy(tickets.number)
    .limit(maxBulkItems + 1);
  return rows.map((row) => row.id);
}

async function inChunks<Item>(ids: string[], read: (chunk: string[]) => Promise<Item[]>): Promise<Item[]> {
  const items: Item[] = [];
  for (let start = 0; start < ids.length; start += readChunk)
    items.push(...(await read(ids.slice(start, start + readChunk))));
  return items;
}

export function readAssetItems(executor: Executor, actor: Actor, ids: string[]): Promise<AssetItem[]> {
  return inChunks(ids, async (chunk) => {
    const rows = await executor
      .select({
        id: assets.id,
        label: assets.assetTag,
        version: assets.version,
        status: assets.status,
        locationId: assets.locationId,
        category: assets.category,
        customValues: assets.customValues,
        holderId: users.id,
        holderName: users.displayName,
      })
      .from(assets)
      .leftJoin(users, eq(users.id, assets.assignedToId))
      .where(and(inArray(assets.id, chunk), visibleAssetsCondition(actor)));
    return rows.map(({ holderId, holderName, ...asset }) => ({
      ...asset,
      holder: holderId ? { id: holderId, displayName: holderName ?? '' } : null,
    }));
  });
}

export function readTicketItems(executor: Executor, actor: Actor, ids: string[]): Promise<TicketItem[]> {
  return inChunks(ids, async (chunk) => {
    const rows = await executor
      .select({
        id: tickets.id,
        number: tickets.number,
        version: tickets.version,
        status: tickets.status,
        priority: tickets.priority,
        assigneeId: tickets.assigneeId,
        assigneeName: assigneeUser.displayName,
      })
      .from(tickets)
      .leftJoin(assigneeUser, eq(assigneeUser.id, tickets.assigneeId))
      .where(and(inArray(tickets.id, chunk), visibleTo(actor)));
    return rows.map(({ number, ...ticket }) => ({ ...ticket, label: ticketReference(number) }));
  });
}

export function readItems(
  executor: Executor,
  actor: Actor,
  target: BulkTarget,
  ids: string[],
): Promise<(AssetItem | TicketItem)[]> {
  return target === 'asset' ? readAssetItems(executor, actor, ids) : readTicketItems(executor, actor, ids);
}

export const targetWords: Record<BulkTarget, { one: string; many: string; notVisible: string }> = {
  asset: { one: 'asset', many: 'assets', notVisible: 'You may not change this asset, or it no longer exists.' },
  ticket: { one: 'ticket', many: 'tickets', notVisible: 'You may not change this ticket, or it no longer exists.' },
};
