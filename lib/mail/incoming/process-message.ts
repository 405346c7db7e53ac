import 'server-only';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { isStaff, type Actor } from '../../actor';
import type { Database, Transaction } from '../../db/client';
import { isUniqueViolation, refusedValue } from '../../db/errors';
import { tickets } from '../../db/schema-domain';
import { mailMessages } from '../../db/schema-mail';
import { isAppError } from '../../errors';
import { describeError, log } from '../../log';
import { loadVisibleTicket } from '../../tickets/access';
import { storeAttachments } from '../../tickets/attachments';
import { addComment, createTicket } from '../../tickets/mutations';
import { maxCommentLength, maxDescriptionLength, maxTitleLength } from '../../tickets/schemas';
import { attachmentsOf } from './attachments';
import { loopReason, messageIdOf, referencedMessageIds, senderOf, type LoopReason } from './mail-headers';
import { cleanMultiLineText, subjectTicketNumber, titleFromSubject } from './mail-text';
import { stripQuotedReply } from './reply-text';
import { createMailRequester, findSender, mailActor } from './sender';

/** What became of a mail; written as the outcome of its 'in' row in mail_messages. */
export type MailOutcome =
  'ticket' | 'reply' | LoopReason | 'no_sender' | 'sender_disabled' | 'unknown_sender' | 'unstorable';

export type IntakeSettings = {
  /** MAIL_FROM's address, lower-cased: mail from it is our own coming back. */
  ownAddress: string | null;
  unknownSenders: 'create' | 'reject';
};

export type IntakeResult = {
  messageId: string;
  outcome: MailOutcome | 'duplicate';
  ticketId: string | null;
  commentId: string | null;
  /** 'mark': flag or move it now it is done; 'leave': keep it unread in the mailbox (a rejected sender). */
  mailbox: 'mark' | 'leave';
};

type Recorded = { outcome: MailOutcome; ticketId?: string; commentId?: string; userId?: string };

// An unknown sender refused under MAIL_UNKNOWN_SENDERS=reject is recorded too, so it is logged
// once, not on every poll; it is looked at again (and may still become a ticket) on later polls.
const retriedOutcome: MailOutcome = 'unknown_sender';

async function writeRecord(tx: Transaction, messageId: string, previous: string | null, record: Recorded) {
  const values = {
    outcome: record.outcome,
    ticketId: record.ticketId ?? null,
    commentId: record.commentId ?? null,
    userId: record.userId ?? null,
  };
  if (previous === null) await tx.insert(mailMessages).values({ direction: 'in', messageId, ...values });
  else
    await tx
      .update(mailMessages)
      .set(values)
      .where(and(eq(mailMessages.direction, 'in'), eq(mailMessages.messageId, messageId)));
}

/** The ticket this mail answers, when the sender may see it; null means it opens a new one. */
async function replyTarget(tx: Transaction, actor: Actor, mail: ParsedMail): Promise<string | null> {
  let ticketId: string | null = null;
  const references = referencedMessageIds(mail);
  if (references.length > 0) {
    const [sent] = await tx
      .select({ ticketId: mailMessages.ticketId })
      .from(mailMessages)
      .where(
        and(
          eq(mailMessages.direction, 'out'),
          inArray(mailMessages.messageId, references),
          isNotNull(mailMessages.ticketId),
        ),
      )
      .orderBy(desc(mailMessages.id))
      .limit(1);
    ticketId = sent?.ticketId ?? null;
  }
  const number = ticketId ? null : subjectTicketNumber(mail.subject);
  if (number !== null) {
    const [named] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number)).limit(1);
    ticketId = named?.id ?? null;
  }
  if (!ticketId) return null;
  try {
    return (await loadVisibleTicket(tx, actor, ticketId)).id;
  } catch (error) {
    // Someone who may not see that ticket gets a new one: nothing of theirs lands on another's ticket.
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

const maxNotes = 10;

/** The words with the notes about skipped files after them, both within `max` characters. */
function withNotes(text: string, notes: string[], max: number, empty: string): string {
  const shown =
    notes.length > maxNotes
      ? [...notes.slice(0, maxNotes), `[${notes.length - maxNotes} more files were not kept.]`]
      : notes;
  const noteText = shown.length > 0 ? `\n\n${shown.join('\n')}` : '';
  const words = cleanMultiLineText(text, max - noteText.length) || (notes.length > 0 ? '' : empty);
  return cleanMultiLineText(`${words}${noteText}`, max) || empty;
}

async function intake(
  tx: Transaction,
  mail: ParsedMail,
  messageId: string,
  settings: IntakeSettings,
): Promise<Omit<IntakeResult, 'messageId'>> {
  const [existing] = await tx
    .select({ outcome: mailMessages.outcome })
    .from(mailMessages)
    .where(and(eq(mailMessages.direction, 'in'), eq(mailMessages.messageId, messageId)))
    .for('update')
    .limit(1);
  const previous = existing?.outcome ?? null;
  if (previous !== null && previous !== retriedOutcome)
    return { outcome: 'duplicate', ticketId: null, commentId: null, mailbox: 'mark' };

  const done = async (record: Recorded) => {
    await writeRecord(tx, messageId, previous, record);
    return { outcome: record.outcome, ticketId: record.ticketId ?? null, commentId: record.commentId ?? null };
  };
  const sender = senderOf(mail);
  if (!sender) return { ...(await done({ outcome: 'no_sender' })), mailbox: 'mark' };
  const loop = loopReason(mail, settings.ownAddress);
  if (loop) return { ...(await done({ outcome: loop })), mailbox: 'mark' };

  let user = await findSender(tx, sender.address);
  if (user && !user.active)
    return { ...(await done({ outcome: 'sender_disabled', userId: user.id })), mailbox: 'mark' };
  if (!user && settings.unknownSenders === 'reject') {
    if (previous === null) {
      await done({ outcome: 'unknown_sender' });
      log.warn('mail.in.unknown_sender_rejected', { messageId, sender: sender.address });
    }
    return { outcome: 'unknown_sender', ticketId: null, commentId: null, mailbox: 'leave' };
  }
  user ??= { ...(await createMailRequester(tx, sender)), active: true };
  const actor = mailActor(user);

  const { files, notes } = attachmentsOf(mail);
  const text = mail.text ?? '';
  const ticketId = await replyTarget(tx, actor, mail);
  if (ticketId) {
    const body = withNotes(stripQuotedReply(text), notes, maxCommentLength, '(The reply had no text.)');
    const comment = await addComment(tx, actor, { ticketId, body, internal: false }).catch((error: unknown) => {
      // Staff's mailed reply that the form would refuse (a link the requester cannot open) is kept
      // as an internal note that says why, instead of being lost with no one told.
      if (!isStaff(actor) || !isAppError(error) || error.code !== 'validation_failed') throw error;
      const note = cleanMultiLineText(`[Not sent to the requester: ${error.message}]\n\n${body}`, maxCommentLength);
      return addComment(tx, actor, { ticketId, body: note, internal: true });
    });
    await storeAttachments(tx, actor, { ticketId, commentId: comment.id }, files);
    return { ...(await done({ outcome: 'reply', ticketId, commentId: comment.id, userId: user.id })), mailbox: 'mark' };
  }
  const created = await createTicket(
    tx,
    actor,
    {
      title: titleFromSubject(mail.subject, maxTitleLength),
      description: withNotes(text, notes, maxDescriptionLength, ''),
    },
    { openingMessageId: messageId },
  );
  await storeAttachments(tx, actor, { ticketId: created.id, commentId: null }, files);
  return { ...(await done({ outcome: 'ticket', ticketId: created.id, userId: user.id })), mailbox: 'mark' };
}

/**
 * Turns one raw mail into a ticket, a reply, or a recorded reason for neither, in one transaction
 * with its mail_messages row: a mail whose Message-ID is recorded is never processed again.
 */
export async function processIncomingMail(db: Database, raw: Buffer, settings: IntakeSettings): Promise<IntakeResult> {
  const mail = await simpleParser(raw);
  const messageId = messageIdOf(mail, raw);
  try {
    return { messageId, ...(await db.transaction((tx) => intake(tx, mail, messageId, settings))) };
  } catch (error) {
    // Another reader recorded it first (only possible while two ran at once): it is done.
    if (isUniqueViolation(error))
      return { messageId, outcome: 'duplicate', ticketId: null, commentId: null, mailbox: 'mark' };
    // The app refused its content even after cleaning: recorded and marked, never retried forever.
    if (!isAppError(error) && !refusedValue(error)) throw error;
    log.warn('mail.in.unstorable', { messageId, ...describeError(error) });
    await db.transaction((tx) =>
      tx.insert(mailMessages).values({ direction: 'in', messageId, outcome: 'unstorable' }).onConflictDoNothing(),
    );
    return { messageId, outcome: 'unstorable', ticketId: null, commentId: null, mailbox: 'mark' };
  }
}
