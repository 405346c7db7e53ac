import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import { ticketComments } from '../db/schema-domain';
import { AppError } from '../errors';
import { loadVisibleTicket } from '../tickets/access';
import { isUuid } from '../validation';
import { assertCanWriteArticles } from './access';
import { maxArticleTitleLength } from './schemas';

export type ArticleDraft = { title: string; body: string; sourceTicketId: string };

/**
 * What a new article starts from when an agent turns a reply (or note) into one: the ticket's
 * title and the comment's text. Nothing is saved until the agent saves the form.
 */
export async function articleDraftFromComment(
  executor: Executor,
  actor: Actor,
  input: { ticketId: string; commentId: string },
): Promise<ArticleDraft> {
  assertCanWriteArticles(actor);
  const ticket = await loadVisibleTicket(executor, actor, input.ticketId);
  const notFound = new AppError('not_found', 'No such comment.');
  if (!isUuid(input.commentId)) throw notFound;
  const [comment] = await executor
    .select({ body: ticketComments.body })
    .from(ticketComments)
    .where(and(eq(ticketComments.id, input.commentId), eq(ticketComments.ticketId, ticket.id)))
    .limit(1);
  if (!comment) throw notFound;
  return { title: ticket.title.slice(0, maxArticleTitleLength), body: comment.body, sourceTicketId: ticket.id };
}
