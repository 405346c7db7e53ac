import 'server-only';
import { aliasedTable, and, desc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session-store';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
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

const holder = aliasedTable(users, 'holder');
const outBy = aliasedTable(users, 'checked_out_by');
const inBy = aliasedTable(users, 'checked_in_by');

const person = (id: string | null, username: string | null, displayName: string | null): PersonRef =>
  id && username ? { id, username, displayName: displayName ?? username } : null;

/** Check-outs and check-ins of an asset the actor may see, newest first. */
export async function listAssetHistory(executor: Executor, actor: SessionUser, assetId: string): Promise<AssignmentEntry[]> {
  const asset = await findAsset(executor, actor, assetId);
  const rows = await executor
    .select({
      id: assetAssignments.id,
      userId: holder.id,
      userName: holder.username,
      userDisplay: holder.displayName,
      checkedOutAt: assetAssignments.checkedOutAt,
      outById: outBy.id,
      outByName: outBy.username,
      outByDisplay: outBy.displayName,
      expectedReturn: assetAssignments.expectedReturn,
      checkedInAt: assetAssignments.checkedInAt,
      inById: inBy.id,
      inByName: inBy.username,
      inByDisplay: inBy.displayName,
      notes: assetAssignments.notes,
    })
    .from(assetAssignments)
    .leftJoin(holder, eq(holder.id, assetAssignments.userId))
    .leftJoin(outBy, eq(outBy.id, assetAssignments.checkedOutById))
    .leftJoin(inBy, eq(inBy.id, assetAssignments.checkedInById))
    .where(eq(assetAssignments.assetId, asset.id))
    .orderBy(desc(assetAssignments.checkedOutAt), desc(assetAssignments.id))
    .limit(200);
  return rows.map((row) => ({
    id: row.id,
    user: person(row.userId, row.userName, row.userDisplay),
    checkedOutAt: row.checkedOutAt,
    checkedOutBy: person(row.outById, row.outByName, row.outByDisplay),
    expectedReturn: row.expectedReturn,
    checkedInAt: row.checkedInAt,
    checkedInBy: person(row.inById, row.inByName, row.inByDisplay),
    notes: row.notes,
  }));
}

/** Tickets linked to the asset; a requester sees only the ones they opened. */
export async function listAssetTickets(executor: Executor, actor: SessionUser, assetId: string): Promise<LinkedTicket[]> {
  const asset = await findAsset(executor, actor, assetId);
  return executor
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status })
    .from(ticketAssets)
    .innerJoin(tickets, eq(tickets.id, ticketAssets.ticketId))
    .where(and(eq(ticketAssets.assetId, asset.id), canManageAssets(actor) ? undefined : eq(tickets.requesterId, actor.id)))
    .orderBy(desc(tickets.createdAt))
    .limit(100);
}
