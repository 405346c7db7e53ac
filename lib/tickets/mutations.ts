import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { isStaff, staffRoles, type Actor } from '../actor';
import type { Transaction } from '../db/client';
import { users } from '../db/schema';
import { ticketComments, ticketEvents, tickets, type TicketStatus } from '../db/schema-domain';
import { updateAtVersion } from '../db/versioned';
import { AppError, staleVersion } from '../errors';
import { assertRequesterCanOpenLinks } from '../kb/reply-links';
import { queueTicketNotifications } from '../mail/outgoing/notify';
import { syncTicketSla } from '../sla/ticket-sla';
import { parseInput } from '../validation';
import { loadVisibleTicket, type TicketState } from './access';
import { applyAssetLinks, assertLinkableAssets, linkedAssetIds } from './asset-links';
import { auditTicket, recordTicketActivity } from './audit';
import { inListedCategory } from './categories';
import { staffToTell } from './mentions';
import { markOwnChangeSeen } from './reads';
import { reopensOnReply, ticketReference, transitionRefusal } from './rules';
import {
  newCommentSchema,
  newTicketSchema,
  ticketChangeSchema,
  type NewCommentInput,
  type NewTicketInput,
  type TicketChangeInput,
} from './schemas';
import { eventKinds } from './timeline';

/**
 * Opens a ticket for `actor`, or (agents only) for the active user named by requesterId. A ticket
 * opened by a mail names it in `openingMessageId`, so the answers thread under that mail.
 */
export async function createTicket(
  tx: Transaction,
  actor: Actor,
  input: NewTicketInput,
  origin: { openingMessageId?: string } = {},
): Promise<{ id: string; number: number; reference: string }> {
  const parsed = parseInput(newTicketSchema, input);
  const requesterId = parsed.requesterId ?? actor.id;
  if (requesterId !== actor.id) await assertCanOpenFor(tx, actor, requesterId);
  if (isStaff(actor)) await assertRequesterCanOpenLinks(tx, requesterId, parsed.description, 'description');
  await assertLinkableAssets(tx, actor, { assetIds: parsed.assetIds });
  const category = await inListedCategory(tx, actor, parsed.category);
  const [created] = await tx
    .insert(tickets)
    .values({
      title: parsed.title,
      description: parsed.description,
      category,
      priority: parsed.priority,
      requesterId,
    })
    .returning({ id: tickets.id, number: tickets.number });
  await tx
    .insert(ticketEvents)
    .values({ ticketId: created.id, actorId: actor.id, kind: eventKinds.created, toValue: 'new' });
  await applyAssetLinks(tx, actor, { ticketId: created.id, link: [...new Set(parsed.assetIds)], unlink: [] });
  await syncTicketSla(tx, created.id);
  await auditTicket(tx, actor, 'ticket.create', created, {
    title: parsed.title,
    category,
    priority: parsed.priority,
    requesterId,
    assetIds: parsed.assetIds,
  });
  await markOwnChangeSeen(tx, actor, created.id);
  await queueTicketNotifications(tx, actor, {
    type: 'created',
    ticketId: created.id,
    openingMessageId: origin.openingMessageId,
    mentioned: await staffToTell(tx, actor, parsed.description),
  });
  return { ...created, reference: ticketReference(created.number) };
}

async function assertCanOpenFor(tx: Transaction, actor: Actor, requesterId: string): Promise<void> {
  if (!isStaff(actor)) throw new AppError('forbidden', 'You can only open tickets for yourself.');
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, requesterId), eq(users.active, true)))
    .limit(1);
  if (!user) {
    const message = 'Choose an active user.';
    throw new AppError('validation_failed', message, { fields: { requesterId: message } });
  }
}

type FieldChange = { from: unknown; to: unknown };

// Fields only agents and admins may change; a requester chose them once, when opening the ticket.
const staffOnlyFields = ['priority', 'assigneeId', 'category', 'title', 'description'] as const;

async function assertAssignable(tx: Transaction, userId: string): Promise<void> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, [...staffRoles])))
    .limit(1);
  if (!user) {
    const message = 'Choose an active agent or admin.';
    throw new AppError('validation_failed', message, { fields: { assigneeId: message } });
  }
}

/** The status a change leads to: taking a new ticket opens it, unless a status was chosen too. */
function nextStatus(
  current: TicketState,
  requested: TicketStatus | undefined,
  assigneeId: string | null | undefined,
): TicketStatus {
  if (requested !== undefined && requested !== current.status) return requested;
  if (current.status === 'new' && assigneeId && assigneeId !== current.assigneeId) return 'open';
  return current.status;
}

/**
 * Applies a change made from the version the user read. Only fields that differ are written,
 * each with one timeline event, and all of them in one audit row. A stale version changes nothing.
 */
export async function updateTicket(
  tx: Transaction,
  actor: Actor,
  input: TicketChangeInput & { ticketId: string },
): Promise<{ changed: boolean; version: number; changes: Record<string, FieldChange> }> {
  const { ticketId, ...fields } = input;
  const change = parseInput(ticketChangeSchema, fields);
  const current = await loadVisibleTicket(tx, actor, ticketId);
  if (current.version !== change.version) throw staleVersion();
  // Staff save a category in its listed spelling (a new one joins the list); requesters may not change it at all.
  if (change.category !== undefined && isStaff(actor))
    change.category = await inListedCategory(tx, actor, change.category);

  const changes: Record<string, FieldChange> = {};
  for (const field of staffOnlyFields) {
    const value = change[field];
    if (value !== undefined && value !== current[field]) changes[field] = { from: current[field], to: value };
  }
  if (!isStaff(actor) && Object.keys(changes).length > 0) {
    throw new AppError(
      'forbidden',
      'Only agents can change the priority, assignee, category, title or description of a ticket.',
    );
  }
  if (change.assigneeId && changes.assigneeId) await assertAssignable(tx, change.assigneeId);
  if (changes.description)
    await assertRequesterCanOpenLinks(tx, current.requesterId, change.description!, 'description');

  const status = nextStatus(current, change.status, change.assigneeId);
  if (status !== current.status) {
    const refusal = transitionRefusal(current.status, status, actor.role);
    if (refusal) throw new AppError('unprocessable', refusal, { fields: { status: refusal } });
    changes.status = { from: current.status, to: status };
  }

  let link: string[] = [];
  let unlink: string[] = [];
  if (change.assetIds) {
    const before = await linkedAssetIds(tx, current.id);
    link = [...new Set(change.assetIds)].filter((id) => !before.includes(id));
    unlink = before.filter((id) => !change.assetIds!.includes(id));
    await assertLinkableAssets(tx, actor, { assetIds: [...link, ...unlink] });
    if (link.length + unlink.length > 0) changes.assetIds = { from: before, to: [...new Set(change.assetIds)] };
  }
  if (Object.keys(changes).length === 0) return { changed: false, version: current.version, changes };

  const set: PgUpdateSetSource<typeof tickets> = {};
  for (const field of staffOnlyFields) if (changes[field]) Object.assign(set, { [field]: change[field] });
  if (changes.status) {
    set.status = status;
    if (status === 'resolved') set.resolvedAt = sql`now()`;
    // Closed without being resolved first (a duplicate, a requester's "no longer needed") is settled
    // all the same: it counts as resolved then, on the dashboard and in the list.
    if (status === 'closed')
      Object.assign(set, { closedAt: sql`now()`, resolvedAt: sql`coalesce(${tickets.resolvedAt}, now())` });
    if (status === 'open' || status === 'pending') Object.assign(set, { resolvedAt: null, closedAt: null });
  }
  const version = await updateAtVersion(tx, tickets, current, set);

  const eventOf = (kind: string, from: string | null | undefined, to: string | null | undefined) => ({
    ticketId: current.id,
    actorId: actor.id,
    kind,
    fromValue: from ?? null,
    toValue: to ?? null,
  });
  const events = [
    changes.status && eventOf(eventKinds.status, current.status, status),
    changes.assigneeId && eventOf(eventKinds.assignee, current.assigneeId, change.assigneeId),
    changes.priority && eventOf(eventKinds.priority, current.priority, change.priority),
    changes.category && eventOf(eventKinds.category, current.category, change.category),
    changes.title && eventOf(eventKinds.title, current.title, change.title),
    // The description can be long: the event says that it changed; the audit row keeps both texts.
    changes.description && eventOf(eventKinds.description, null, null),
  ].filter((event): event is ReturnType<typeof eventOf> => Boolean(event));
  if (events.length > 0) await tx.insert(ticketEvents).values(events);
  await applyAssetLinks(tx, actor, { ticketId: current.id, link, unlink });
  if (changes.status || changes.priority) await syncTicketSla(tx, current.id);

  await auditTicket(tx, actor, 'ticket.update', current, { changes });
  await markOwnChangeSeen(tx, actor, current.id);
  await queueTicketNotifications(tx, actor, {
    type: 'updated',
    ticketId: current.id,
    status: changes.status,
    assignee: changes.assigneeId,
    mentioned: changes.description ? await staffToTell(tx, actor, change.description!, current.description) : [],
  });
  return { changed: true, version, changes };
}

/**
 * Adds a comment; needs no version, since a comment never overwrites anything. The requester's
 * reply to a pending ticket reopens it (reopensOnReply), by the web or by mail alike.
 */
export async function addComment(
  tx: Transaction,
  actor: Actor,
  input: NewCommentInput & { ticketId: string },
): Promise<{ id: string; internal: boolean }> {
  const { ticketId, ...fields } = input;
  const comment = parseInput(newCommentSchema, fields);
  const ticket = await loadVisibleTicket(tx, actor, ticketId);
  if (comment.internal && !isStaff(actor)) throw new AppError('forbidden', 'Only agents can write internal notes.');
  if (isStaff(actor) && !comment.internal) await assertRequesterCanOpenLinks(tx, ticket.requesterId, comment.body);
  const [created] = await tx
    .insert(ticketComments)
    .values({ ticketId: ticket.id, authorId: actor.id, body: comment.body, internal: comment.internal })
    .returning({ id: ticketComments.id, internal: ticketComments.internal });
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    actorId: actor.id,
    kind: comment.internal ? eventKinds.internalNote : eventKinds.comment,
    toValue: created.id,
  });
  await recordTicketActivity(tx, actor, comment.internal ? 'ticket.internal_note' : 'ticket.comment', ticket, {
    commentId: created.id,
  });
  const reopened =
    reopensOnReply(ticket, actor.id, comment.internal) && (await reopenOnReply(tx, actor, ticket, created.id));
  const firstResponse = isStaff(actor) && !comment.internal && actor.id !== ticket.requesterId;
  if (firstResponse || reopened) await syncTicketSla(tx, ticket.id, { firstResponse });
  await markOwnChangeSeen(tx, actor, ticket.id);
  await queueTicketNotifications(tx, actor, {
    type: 'commented',
    ticketId: ticket.id,
    comment: { id: created.id, body: comment.body, internal: created.internal, reopened },
    mentioned: await staffToTell(tx, actor, comment.body),
  });
  return created;
}

/**
 * Moves a pending ticket back to open for its requester's reply. Not at a version: the reply must
 * not fail because an agent changed the ticket meanwhile; if its status is no longer pending, the
 * reply changes nothing else. False when it did not reopen.
 */
async function reopenOnReply(tx: Transaction, actor: Actor, ticket: TicketState, commentId: string): Promise<boolean> {
  const [reopened] = await tx
    .update(tickets)
    .set({
      status: 'open',
      resolvedAt: null,
      closedAt: null,
      version: sql`${tickets.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.status, 'pending')))
    .returning({ id: tickets.id });
  if (!reopened) return false;
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    actorId: actor.id,
    kind: eventKinds.status,
    fromValue: 'pending',
    toValue: 'open',
  });
  await auditTicket(tx, actor, 'ticket.update', ticket, {
    changes: { status: { from: 'pending', to: 'open' } },
    reason: 'requester_reply',
    commentId,
  });
  return true;
}
