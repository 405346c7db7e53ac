import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { personColumns } from '../db/relations';
import { users } from '../db/schema';
import {
  assets,
  ticketAssets,
  ticketComments,
  tickets,
  type TicketPriority,
  type TicketStatus,
} from '../db/schema-domain';
import { isStaff, staffRoles, type Actor } from '../actor';
import { isUuid } from '../validation';
import { ticketNotFound, visibleTo } from './access';
import { parseTicketReference, ticketReference } from './rules';

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

// The ticket list (list.ts) joins the two users itself: its pages are benchmarked as written.
export const requesterUser = alias(users, 'requester_user');
export const assigneeUser = alias(users, 'assignee_user');

export const requesterColumns = {
  id: requesterUser.id,
  username: requesterUser.username,
  displayName: requesterUser.displayName,
};

/**
 * The linked assets' order within one instant (assets linked together share linked_at): by tag,
 * read in the database so that its collation decides, as everywhere else tags are sorted. Written
 * with an alias of its own: relational queries re-point every column in an order-by at the link row.
 */
const tagOfLinkedAsset = (assetId: typeof ticketAssets.assetId) => {
  const linked = sql.identifier('linked_asset');
  return sql`(select ${linked}.${sql.identifier(assets.assetTag.name)} from ${assets} as ${linked} where ${linked}.${sql.identifier(assets.id.name)} = ${assetId})`;
};

/** A ticket's id, or its reference as people write it in a URL ("T-1001", "t1001"). */
function ticketKey(idOrReference: string) {
  if (isUuid(idOrReference)) return eq(tickets.id, idOrReference);
  const number = parseTicketReference(idOrReference);
  if (number === null) throw ticketNotFound();
  return eq(tickets.number, number);
}

/**
 * The ticket `actor` may see, by id or reference, with its people, linked assets and the comments
 * `actor` may read: one query.
 */
export async function getTicket(executor: Executor, actor: Actor, idOrReference: string): Promise<TicketDetail> {
  const row = await executor.query.tickets.findFirst({
    columns: {
      id: true,
      number: true,
      title: true,
      description: true,
      category: true,
      priority: true,
      status: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      resolvedAt: true,
      closedAt: true,
    },
    where: and(ticketKey(idOrReference), visibleTo(actor)),
    with: {
      requester: { columns: personColumns },
      assignee: { columns: personColumns },
      assetLinks: {
        columns: {},
        orderBy: (link) => [asc(link.linkedAt), asc(tagOfLinkedAsset(link.assetId))],
        with: { asset: { columns: { id: true, assetTag: true, name: true } } },
      },
      // Oldest first; internal notes only for agents and admins.
      comments: {
        columns: { id: true, body: true, internal: true, createdAt: true },
        where: isStaff(actor) ? undefined : eq(ticketComments.internal, false),
        orderBy: [asc(ticketComments.createdAt), asc(ticketComments.id)],
        with: { author: { columns: personColumns } },
      },
    },
  });
  if (!row) throw ticketNotFound();
  return {
    id: row.id,
    number: row.number,
    reference: ticketReference(row.number),
    title: row.title,
    description: row.description,
    category: row.category,
    priority: row.priority,
    status: row.status,
    requester: row.requester,
    assignee: row.assignee,
    assets: row.assetLinks.map((link) => link.asset),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    comments: row.comments,
  };
}

/** Who a ticket may be assigned to: active agents and admins. */
export async function listAssignableUsers(executor: Executor): Promise<Person[]> {
  return executor
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...staffRoles])))
    .orderBy(asc(users.displayName), asc(users.username));
}

/** The assets a requester may link to their tickets: those assigned to `actor`. */
export async function listAssetsAssignedTo(executor: Executor, actor: Actor): Promise<LinkedAsset[]> {
  return executor
    .select({ id: assets.id, assetTag: assets.assetTag, name: assets.name })
    .from(assets)
    .where(eq(assets.assignedToId, actor.id))
    .orderBy(asc(assets.assetTag))
    .limit(200);
}
