import 'server-only';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isAdmin, isStaff, type Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { users } from '../db/schema';
import { cannedReplies } from '../db/schema-desk';
import { tickets } from '../db/schema-domain';
import { updateAtVersion } from '../db/versioned';
import { AppError } from '../errors';
import { loadVisibleTicket } from '../tickets/access';
import { ticketReference } from '../tickets/rules';
import { parseInput } from '../validation';
import { fillPlaceholders, placeholderNames, unknownPlaceholders } from './placeholders';
import { cannedReplyChangeSchema, cannedReplyRemoveSchema, newCannedReplySchema } from './schemas';

// Canned replies: staff only. Shared ones (no owner) are read by every agent and admin and kept
// by admins; personal ones are seen and kept by their owner alone. Anything else is "not found".

export type CannedReply = {
  id: string;
  title: string;
  body: string;
  shared: boolean;
  version: number;
  /** Whether `actor` may change or remove it. */
  editable: boolean;
};

const auditCannedReply = auditFor('canned_reply', (reply: { title: string; shared: boolean }) => ({
  title: reply.title,
  shared: reply.shared,
}));

const notFound = () => new AppError('not_found', 'No such canned reply.');

function assertStaff(actor: Actor): void {
  if (!isStaff(actor)) throw notFound();
}

/** The shared replies and `actor`'s own. */
const visibleTo = (actor: Actor) => or(isNull(cannedReplies.ownerId), eq(cannedReplies.ownerId, actor.id));

function assertKnownPlaceholders(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length === 0) return;
  const names = unknown.map((name) => `{{${name}}}`).join(', ');
  const allowed = placeholderNames.map((name) => `{{${name}}}`).join(', ');
  const message = `Unknown placeholder${unknown.length === 1 ? '' : 's'} ${names}. Use ${allowed}.`;
  throw new AppError('validation_failed', message, { fields: { body: message } });
}

/** The replies `actor` may use, shared first, then by title. */
export async function listCannedReplies(executor: Executor, actor: Actor): Promise<CannedReply[]> {
  assertStaff(actor);
  const rows = await executor
    .select({
      id: cannedReplies.id,
      title: cannedReplies.title,
      body: cannedReplies.body,
      ownerId: cannedReplies.ownerId,
      version: cannedReplies.version,
    })
    .from(cannedReplies)
    .where(visibleTo(actor))
    .orderBy(desc(isNull(cannedReplies.ownerId)), asc(sql`lower(${cannedReplies.title})`));
  return rows.map(({ ownerId, ...row }) => ({
    ...row,
    shared: ownerId === null,
    editable: ownerId === null ? isAdmin(actor) : ownerId === actor.id,
  }));
}

export async function createCannedReply(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof newCannedReplySchema>,
): Promise<{ id: string }> {
  assertStaff(actor);
  const { title, body, shared } = parseInput(newCannedReplySchema, input);
  if (shared && !isAdmin(actor)) throw new AppError('forbidden', 'Only admins keep shared canned replies.');
  assertKnownPlaceholders(body);
  const [row] = await tx
    .insert(cannedReplies)
    .values({ title, body, ownerId: shared ? null : actor.id })
    .returning({ id: cannedReplies.id });
  await auditCannedReply(tx, actor, 'canned_reply.create', { id: row.id, title, shared });
  return row;
}

/** A reply `actor` may change, locked for the change; one they may only read is "not found" too. */
async function loadEditable(tx: Transaction, actor: Actor, id: string) {
  assertStaff(actor);
  const [row] = await tx
    .select({ id: cannedReplies.id, title: cannedReplies.title, ownerId: cannedReplies.ownerId })
    .from(cannedReplies)
    .where(and(eq(cannedReplies.id, id), visibleTo(actor)))
    .for('update');
  if (!row) throw notFound();
  const shared = row.ownerId === null;
  if (shared && !isAdmin(actor)) throw new AppError('forbidden', 'Only admins change shared canned replies.');
  return { id: row.id, title: row.title, shared };
}

export async function updateCannedReply(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof cannedReplyChangeSchema>,
): Promise<{ version: number }> {
  const { id, version, title, body } = parseInput(cannedReplyChangeSchema, input);
  const reply = await loadEditable(tx, actor, id);
  assertKnownPlaceholders(body);
  const next = await updateAtVersion(tx, cannedReplies, { id, version }, { title, body });
  await auditCannedReply(tx, actor, 'canned_reply.update', { ...reply, title }, { from: reply.title });
  return { version: next };
}

export async function removeCannedReply(
  tx: Transaction,
  actor: Actor,
  input: z.input<typeof cannedReplyRemoveSchema>,
): Promise<{ title: string }> {
  const { id } = parseInput(cannedReplyRemoveSchema, input);
  const reply = await loadEditable(tx, actor, id);
  await tx.delete(cannedReplies).where(eq(cannedReplies.id, id));
  await auditCannedReply(tx, actor, 'canned_reply.remove', reply);
  return { title: reply.title };
}

export type FilledCannedReply = { id: string; title: string; text: string; shared: boolean };

/** The replies `actor` may use on one ticket, their placeholders filled for it (staff only). */
export async function cannedRepliesForTicket(
  executor: Executor,
  actor: Actor,
  ticketId: string,
): Promise<FilledCannedReply[]> {
  assertStaff(actor);
  const ticket = await loadVisibleTicket(executor, actor, ticketId);
  const [[requester], replies] = await Promise.all([
    executor
      .select({ username: users.username, displayName: users.displayName })
      .from(tickets)
      .innerJoin(users, eq(users.id, tickets.requesterId))
      .where(eq(tickets.id, ticket.id)),
    listCannedReplies(executor, actor),
  ]);
  const values = {
    'requester.name': requester?.displayName || requester?.username || '',
    'requester.username': requester?.username ?? '',
    'ticket.reference': ticketReference(ticket.number),
    'ticket.title': ticket.title,
    'agent.name': actor.displayName || actor.username,
  };
  return replies.map((reply) => ({
    id: reply.id,
    title: reply.title,
    shared: reply.shared,
    text: fillPlaceholders(reply.body, values),
  }));
}
