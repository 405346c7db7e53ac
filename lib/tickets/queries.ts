import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { assets, ticketAssets, ticketComments, tickets, type TicketPriority, type TicketStatus } from '../db/schema-domain';
import { isUuid, ticketNotFound, visibleTo } from './access';
import { isStaff, ticketReference, type Actor } from './rules';

export type Person = { id: string; username: string; displayName: string };
export type LinkedAsset = { id: string; assetTag: string; name: string };
export type TicketComment = { id: string; body: string; internal: boolean; author: Person | null; createdAt: Date };

/** What may leave the data layer about a ticket, with the comments its reader may see. */
export type TicketDetail = {
  id: string;
  number: number;
  reference: string;
  title: string;
  description: string;
  category: string;
  priority: TicketPriority;
  status: TicketStatus;
  requester: Person;
  assignee: Person | null;
  assets: LinkedAsset[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  comments: TicketComment[];
};

export const requesterUser = alias(users, 'requester_user');
export const assigneeUser = alias(users, 'assignee_user');

export const requesterColumns = { id: requesterUser.id, username: requesterUser.username, displayName: requesterUser.displayName };

export async function getTicket(executor: Executor, actor: Actor, ticketId: string): Promise<TicketDetail> {
  if (!isUuid(ticketId)) throw ticketNotFound();
  const [row] = await executor
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      category: tickets.category,
      priority: tickets.priority,
      status: tickets.status,
      version: tickets.version,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      resolvedAt: tickets.resolvedAt,
      closedAt: tickets.closedAt,
      requester: requesterColumns,
      assigneeId: tickets.assigneeId,
      assigneeUsername: assigneeUser.username,
      assigneeDisplayName: assigneeUser.displayName,
    })
    .from(tickets)
    .innerJoin(requesterUser, eq(requesterUser.id, tickets.requesterId))
    .leftJoin(assigneeUser, eq(assigneeUser.id, tickets.assigneeId))
    .where(and(eq(tickets.id, ticketId), visibleTo(actor)))
    .limit(1);
  if (!row) throw ticketNotFound();
  const { assigneeId, assigneeUsername, assigneeDisplayName, ...ticket } = row;
  const [linked, comments] = await Promise.all([listLinkedAssets(executor, ticketId), listComments(executor, actor, ticketId)]);
  return {
    ...ticket,
    reference: ticketReference(ticket.number),
    assignee: assigneeId && assigneeUsername !== null ? { id: assigneeId, username: assigneeUsername, displayName: assigneeDisplayName ?? assigneeUsername } : null,
    assets: linked,
    comments,
  };
}

async function listLinkedAssets(executor: Executor, ticketId: string): Promise<LinkedAsset[]> {
  return executor
    .select({ id: assets.id, assetTag: assets.assetTag, name: assets.name })
    .from(ticketAssets)
    .innerJoin(assets, eq(assets.id, ticketAssets.assetId))
    .where(eq(ticketAssets.ticketId, ticketId))
    .orderBy(asc(ticketAssets.linkedAt), asc(assets.assetTag));
}

/** The ticket's comments, oldest first; internal notes only for agents and admins. */
async function listComments(executor: Executor, actor: Actor, ticketId: string): Promise<TicketComment[]> {
  const rows = await executor
    .select({
      id: ticketComments.id,
      body: ticketComments.body,
      internal: ticketComments.internal,
      createdAt: ticketComments.createdAt,
      authorId: users.id,
      authorUsername: users.username,
      authorDisplayName: users.displayName,
    })
    .from(ticketComments)
    .leftJoin(users, eq(users.id, ticketComments.authorId))
    .where(and(eq(ticketComments.ticketId, ticketId), isStaff(actor) ? undefined : eq(ticketComments.internal, false)))
    .orderBy(asc(ticketComments.createdAt), asc(ticketComments.id));
  return rows.map(({ authorId, authorUsername, authorDisplayName, ...comment }) => ({
    ...comment,
    author: authorId && authorUsername ? { id: authorId, username: authorUsername, displayName: authorDisplayName ?? authorUsername } : null,
  }));
}

/** Who a ticket may be assigned to: active agents and admins. */
export async function listAssignableUsers(executor: Executor): Promise<Person[]> {
  return executor
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['agent', 'admin'])))
    .orderBy(asc(users.displayName), asc(users.username));
}

/** Everyone a ticket can be opened for, for the agents' "on behalf of" select. */
export async function listActiveUsers(executor: Executor): Promise<(Person & { role: string })[]> {
  return executor
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.displayName), asc(users.username))
    .limit(1000);
}

/** The assets a requester may link to their tickets: those assigned to them. */
export async function listAssetsAssignedTo(executor: Executor, userId: string): Promise<LinkedAsset[]> {
  return executor
    .select({ id: assets.id, assetTag: assets.assetTag, name: assets.name })
    .from(assets)
    .where(eq(assets.assignedToId, userId))
    .orderBy(asc(assets.assetTag))
    .limit(200);
}
