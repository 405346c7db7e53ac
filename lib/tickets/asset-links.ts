import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import type { Executor, Transaction } from '../db/client';
import { assets, ticketAssets, ticketEvents } from '../db/schema-domain';
import { AppError } from '../errors';
import { isUuid } from '../validation';
import { loadVisibleTicket } from './access';
import { recordTicketActivity } from './audit';
import { eventKinds } from './timeline';

/**
 * Refuses any asset `actor` may not link: requesters only the assets assigned to them, agents
 * any existing asset. The answer is the same for "not yours" and "does not exist". `field` names
 * the form field the refusal is shown on.
 */
export async function assertLinkableAssets(
  executor: Executor,
  actor: Actor,
  input: { assetIds: readonly string[]; field?: string },
): Promise<void> {
  const wanted = [...new Set(input.assetIds)];
  if (wanted.length === 0) return;
  const field = input.field ?? 'assetIds';
  const refusal = isStaff(actor) ? 'No such asset.' : 'Choose one of the assets assigned to you.';
  if (!wanted.every(isUuid)) throw new AppError('validation_failed', refusal, { fields: { [field]: refusal } });
  const found = await executor
    .select({ id: assets.id })
    .from(assets)
    .where(and(inArray(assets.id, wanted), isStaff(actor) ? undefined : eq(assets.assignedToId, actor.id)));
  if (found.length !== wanted.length)
    throw new AppError('validation_failed', refusal, { fields: { [field]: refusal } });
}

/**
 * Adds and removes links and writes one event per change, by `actor`; returns what actually
 * changed. The caller has checked the ticket and the assets (loadVisibleTicket, assertLinkableAssets).
 */
export async function applyAssetLinks(
  tx: Transaction,
  actor: Actor,
  input: { ticketId: string; link: readonly string[]; unlink: readonly string[] },
): Promise<{ linked: string[]; unlinked: string[] }> {
  const linked =
    input.link.length === 0
      ? []
      : (
          await tx
            .insert(ticketAssets)
            .values(input.link.map((assetId) => ({ ticketId: input.ticketId, assetId })))
            .onConflictDoNothing()
            .returning({ assetId: ticketAssets.assetId })
        ).map((row) => row.assetId);
  const unlinked =
    input.unlink.length === 0
      ? []
      : (
          await tx
            .delete(ticketAssets)
            .where(and(eq(ticketAssets.ticketId, input.ticketId), inArray(ticketAssets.assetId, [...input.unlink])))
            .returning({ assetId: ticketAssets.assetId })
        ).map((row) => row.assetId);
  const events = [
    ...linked.map((assetId) => ({
      ticketId: input.ticketId,
      actorId: actor.id,
      kind: eventKinds.linkAsset,
      toValue: assetId,
    })),
    ...unlinked.map((assetId) => ({
      ticketId: input.ticketId,
      actorId: actor.id,
      kind: eventKinds.unlinkAsset,
      fromValue: assetId,
    })),
  ];
  if (events.length > 0) await tx.insert(ticketEvents).values(events);
  return { linked, unlinked };
}

/** The ids of the assets linked to a ticket the caller has already loaded for its actor. */
export async function linkedAssetIds(executor: Executor, ticketId: string): Promise<string[]> {
  const rows = await executor
    .select({ assetId: ticketAssets.assetId })
    .from(ticketAssets)
    .where(eq(ticketAssets.ticketId, ticketId));
  return rows.map((row) => row.assetId);
}

/**
 * Links or unlinks one asset without a version: a link is additive and never overwrites what
 * someone else typed. Requesters may only touch their own assets on their own tickets.
 */
export async function setAssetLink(
  tx: Transaction,
  actor: Actor,
  input: { ticketId: string; assetId: string; linked: boolean },
): Promise<{ changed: boolean }> {
  const ticket = await loadVisibleTicket(tx, actor, input.ticketId);
  await assertLinkableAssets(tx, actor, { assetIds: [input.assetId], field: 'assetId' });
  const { linked, unlinked } = await applyAssetLinks(tx, actor, {
    ticketId: ticket.id,
    link: input.linked ? [input.assetId] : [],
    unlink: input.linked ? [] : [input.assetId],
  });
  if (linked.length + unlinked.length === 0) return { changed: false };
  await recordTicketActivity(tx, actor, input.linked ? 'ticket.link_asset' : 'ticket.unlink_asset', ticket, {
    assetId: input.assetId,
  });
  return { changed: true };
}

/**
 * The asset a typed tag names, when `actor` may link it (tags are unique regardless of case).
 * A requester gets the same refusal for a tag that does not exist and for someone else's asset,
 * so the form cannot tell them which tags exist.
 */
export async function linkableAssetIdByTag(executor: Executor, actor: Actor, assetTag: string): Promise<string> {
  const [row] = await executor
    .select({ id: assets.id })
    .from(assets)
    .where(
      and(
        sql`lower(${assets.assetTag}) = ${assetTag.trim().toLowerCase()}`,
        isStaff(actor) ? undefined : eq(assets.assignedToId, actor.id),
      ),
    )
    .limit(1);
  if (row) return row.id;
  const refusal = isStaff(actor) ? 'No asset has this tag.' : 'Choose one of the assets assigned to you.';
  throw new AppError('validation_failed', refusal, { fields: { asset: refusal } });
}
