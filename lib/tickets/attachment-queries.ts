import 'server-only';
import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { ticketComments, tickets } from '../db/schema-domain';
import { ticketAttachments } from '../db/schema-mail';
import { AppError } from '../errors';
import { isUuid } from '../validation';
import { visibleTo } from './access';

// Who may see a file follows who may see what it hangs on: the ticket (visibleTo) and, for a
// requester, only the description and public comments, never an internal note.

/** What may leave the data layer about a file: never its bytes. */
export type AttachmentInfo = {
  id: string;
  commentId: string | null;
  filename: string;
  contentType: string;
  /** In bytes. */
  size: number;
  createdAt: Date;
};

export type AttachmentFile = AttachmentInfo & { bytes: Buffer };

const infoColumns = {
  id: ticketAttachments.id,
  commentId: ticketAttachments.commentId,
  filename: ticketAttachments.filename,
  contentType: ticketAttachments.contentType,
  size: ticketAttachments.byteSize,
  createdAt: ticketAttachments.createdAt,
};

export const attachmentNotFound = () => new AppError('not_found', 'No such attachment.');

function attachmentVisibleTo(actor: Actor): SQL | undefined {
  if (isStaff(actor)) return undefined;
  return and(visibleTo(actor), or(isNull(ticketAttachments.commentId), eq(ticketComments.internal, false)));
}

/** The files of a ticket `actor` may see, oldest first (none for a ticket they may not see). */
export async function listVisibleAttachments(
  executor: Executor,
  actor: Actor,
  ticketId: string,
): Promise<AttachmentInfo[]> {
  if (!isUuid(ticketId)) return [];
  return executor
    .select(infoColumns)
    .from(ticketAttachments)
    .innerJoin(tickets, eq(tickets.id, ticketAttachments.ticketId))
    .leftJoin(ticketComments, eq(ticketComments.id, ticketAttachments.commentId))
    .where(and(eq(ticketAttachments.ticketId, ticketId), attachmentVisibleTo(actor)))
    .orderBy(asc(ticketAttachments.createdAt), asc(ticketAttachments.filename), asc(ticketAttachments.id));
}

/** One file with its bytes, when `actor` may see it; otherwise "not found", as for one that does not exist. */
export async function readVisibleAttachment(
  executor: Executor,
  actor: Actor,
  target: { ticketId: string; attachmentId: string },
): Promise<AttachmentFile> {
  if (!isUuid(target.ticketId) || !isUuid(target.attachmentId)) throw attachmentNotFound();
  const [row] = await executor
    .select({ ...infoColumns, bytes: ticketAttachments.bytes })
    .from(ticketAttachments)
    .innerJoin(tickets, eq(tickets.id, ticketAttachments.ticketId))
    .leftJoin(ticketComments, eq(ticketComments.id, ticketAttachments.commentId))
    .where(
      and(
        eq(ticketAttachments.id, target.attachmentId),
        eq(ticketAttachments.ticketId, target.ticketId),
        attachmentVisibleTo(actor),
      ),
    )
    .limit(1);
  if (!row) throw attachmentNotFound();
  return row;
}
