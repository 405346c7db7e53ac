import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import { personColumns } from '../db/relations';
import { assetAssignments, ticketAssets, tickets, type TicketStatus } from '../db/schema-domain';
import { canManageAssets } from './access';
import { findAsset } from './queries';

export type PersonRef = { id: string; username: string; displayName: string } | null;

export type AssignmentEntry = {
  id: number;
  user: PersonRef;
  checkedOutAt: Date;
  checkedOutBy: PersonRef;
  expectedReturn: string | null;
  checkedInAt: Date | null;
  checkedInBy: PersonRef;
  notes: string | null;
};

export type LinkedTicket = { id: string; number: number; title: string; status: TicketStatus };

/** Check-outs and check-ins of an asset the actor may see, newest first. */
export async function listAssetHistory(executor: Executor, actor: Actor, assetId: string): Promise<AssignmentEntry[]> {
  const asset = await findAsset(executor, actor, assetId);
  return executor.query.assetAssignments.findMany({
    columns: { id: true, checkedOutAt: true, expectedReturn: true, checkedInAt: true, notes: true },
    where: eq(assetAssignments.assetId, asset.id),
    orderBy: [desc(assetAssignments.checkedOutAt), desc(assetAssignments.id)],
    limit: 200,
    with: {
      user: { columns: personColumns },
      checkedOutBy: { columns: personColumns },
      checkedInBy: { columns: personColumns },
    },
  });
}

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
    .orderBy(desc(tickets.createdAt))
    .limit(100);
}
