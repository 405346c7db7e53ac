import 'server-only';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import { auditLog, users } from '../db/schema';
import { ticketAssets, tickets, type TicketStatus } from '../db/schema-domain';
import { canManageAssets } from './access';
import { describeAssetEvent, type AssetHistoryEntry } from './history-entries';
import { findAsset } from './queries';
import { openWorkStatuses } from '../tickets/rules';

export type { AssetHistoryEntry, FieldChange } from './history-entries';
export type LinkedTicket = { id: string; number: number; title: string; status: TicketStatus };
export type AssetHistory = { entries: AssetHistoryEntry[]; total: number };

/** How many events the asset page shows before "Show all"; "all" stops at `allLimit`. */
export const historyPreview = 10;
const allLimit = 1000;

// The user an event was about (whom a check-out went to), named as they are called today.
const holder = alias(users, 'holder');
const doer = alias(users, 'doer');

// Check-outs and check-ins of this asset to the requester: their own holding, nothing internal.
const requesterActions = ['asset.checkout', 'asset.checkin'];

function visibleEvents(actor: Actor, assetId: string): SQL | undefined {
  const ofAsset = and(eq(auditLog.targetType, 'asset'), eq(auditLog.targetId, assetId));
  if (canManageAssets(actor)) return ofAsset;
  return and(ofAsset, inArray(auditLog.action, requesterActions), sql`${auditLog.details}->>'userId' = ${actor.id}`);
}

/**
 * What happened to an asset the actor may see, from the audit log, newest first: edits with their
 * before and after, status changes, check-outs and check-ins, the image. Staff see every event; a
 * requester sees only when the asset was checked out to them and back, without staff notes.
 */
export async function listAssetHistory(
  executor: Executor,
  actor: Actor,
  assetId: string,
  options: { all?: boolean } = {},
): Promise<AssetHistory> {
  const asset = await findAsset(executor, actor, assetId);
  const where = visibleEvents(actor, asset.id);
  const [rows, total] = await Promise.all([
    executor
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        details: auditLog.details,
        actorUsername: auditLog.actorUsername,
        actorName: doer.displayName,
        holderName: holder.displayName,
      })
      .from(auditLog)
      .leftJoin(doer, eq(doer.id, auditLog.actorId))
      .leftJoin(holder, sql`${holder.id}::text = ${auditLog.details}->>'userId'`)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(options.all ? allLimit : historyPreview),
    executor.$count(auditLog, where),
  ]);
  const staff = canManageAssets(actor);
  return { entries: rows.map((row) => describeAssetEvent(row, { staff })), total };
}

// An asset's tickets: open work (new, open, pending) first, then the rest; newest first within each.
const openWorkFirst = sql`case when ${inArray(tickets.status, [...openWorkStatuses])} then 0 else 1 end`;

/** Tickets linked to the asset; a requester sees only the ones they opened. */
export async function listAssetTickets(executor: Executor, actor: Actor, assetId: string): Promise<LinkedTicket[]> {
  const asset = await findAsset(executor, actor, assetId);
  return executor
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status })
    .from(ticketAssets)
    .innerJoin(tickets, eq(tickets.id, ticketAssets.ticketId))
    .where(
      and(eq(ticketAssets.assetId, asset.id), canManageAssets(actor) ? undefined : eq(tickets.requesterId, actor.id)),
    )
    .orderBy(openWorkFirst, desc(tickets.createdAt))
    .limit(100);
}
