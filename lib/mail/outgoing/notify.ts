import 'server-only';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Actor } from '../../actor';
import { getConfig } from '../../config';
import type { Transaction } from '../../db/client';
import { users } from '../../db/schema';
import { tickets } from '../../db/schema-domain';
import { mailMessages } from '../../db/schema-mail';
import { enqueueJob } from '../../jobs/queue';
import { ticketReference } from '../../tickets/rules';
import { mailDomain, newMessageId, publicLink, renderMail } from './compose';
import type { MailJob } from './mail-job';
import { planNotifications, type TicketChangeEvent } from './recipients';
import { ticketMail } from './ticket-mails';
import { ticketThreadHeaders } from './ticket-thread';

// The one call the ticket mutations make after a change: decide who hears about it, compose each
// mail, record it in mail_messages and queue its 'mail-send' job — all in the change's transaction,
// so a mail exists exactly when the change commits and a reply can be threaded back at once.

/** `mentioned`: ids of the staff the new text mentions (lib/tickets/mentions.ts). */
export type TicketNotice =
  | { type: 'created'; ticketId: string; openingMessageId?: string; mentioned?: string[] }
  | {
      type: 'updated';
      ticketId: string;
      status?: { from: unknown; to: unknown };
      assignee?: { from: unknown; to: unknown };
      mentioned?: string[];
    }
  | {
      type: 'commented';
      ticketId: string;
      comment: { id: string; body: string; internal: boolean; reopened?: boolean };
      mentioned?: string[];
    };

const candidateColumns = {
  id: users.id,
  role: users.role,
  active: users.active,
  email: users.email,
  displayName: users.displayName,
  notifyUnassigned: users.notifyUnassigned,
  optOuts: users.notificationOptOuts,
};

const asId = (value: unknown) => (typeof value === 'string' ? value : null);

export async function queueTicketNotifications(tx: Transaction, actor: Actor, notice: TicketNotice): Promise<void> {
  const config = getConfig();
  if (!config.mail.smtpUrl || !config.publicUrl) return;
  const mentioned = notice.mentioned ?? [];
  // An internal note mails only the staff it mentions: without any, stop before reading anything.
  if (notice.type === 'commented' && notice.comment.internal && mentioned.length === 0) return;

  const [ticket] = await tx
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      requesterId: tickets.requesterId,
      assigneeId: tickets.assigneeId,
    })
    .from(tickets)
    .where(eq(tickets.id, notice.ticketId))
    .limit(1);
  if (!ticket) return;

  const event = changeEvent(notice, ticket);
  const involved = [ticket.requesterId, ticket.assigneeId, ...mentioned].filter((id): id is string => Boolean(id));
  const staffWanted = notice.type === 'created' && !ticket.assigneeId;
  const candidates = await tx
    .select(candidateColumns)
    .from(users)
    .where(
      staffWanted
        ? or(
            inArray(users.id, involved),
            and(inArray(users.role, ['agent', 'admin']), eq(users.notifyUnassigned, true)),
          )
        : inArray(users.id, involved),
    )
    .orderBy(asc(users.username));
  const planned = planNotifications(event, actor.id, candidates);
  if (planned.length === 0) return;

  const domain = mailDomain(config.mail.from, config.publicUrl);
  const thread = await ticketThreadHeaders(
    tx,
    ticket.id,
    domain,
    notice.type === 'created' ? notice.openingMessageId : undefined,
  );
  const requester = candidates.find((user) => user.id === ticket.requesterId);
  const reference = ticketReference(ticket.number);
  for (const { recipient, kind } of planned) {
    const content = ticketMail(kind, {
      reference,
      title: ticket.title,
      description: ticket.description,
      link: publicLink(config.publicUrl, `/tickets/${ticket.id}`),
      recipientName: candidates.find((user) => user.id === recipient.id)?.displayName ?? '',
      actorName: actor.displayName,
      requesterName: requester?.displayName ?? 'The requester',
      comment: notice.type === 'commented' ? notice.comment.body : undefined,
      internalNote: notice.type === 'commented' && notice.comment.internal,
      repliesByMail: Boolean(config.mail.imapUrl),
    });
    const messageId = newMessageId(domain);
    await tx.insert(mailMessages).values({
      direction: 'out',
      messageId,
      ticketId: ticket.id,
      commentId: notice.type === 'commented' ? notice.comment.id : null,
      userId: recipient.id,
      outcome: kind,
    });
    const job: MailJob = {
      to: recipient.email!,
      userId: recipient.id,
      subject: content.subject,
      ...renderMail(content),
      messageId,
      ...thread,
    };
    await enqueueJob(tx, 'mail-send', job);
  }
}

function changeEvent(
  notice: TicketNotice,
  ticket: { id: string; requesterId: string; assigneeId: string | null },
): TicketChangeEvent {
  const facts = { id: ticket.id, requesterId: ticket.requesterId, assigneeId: ticket.assigneeId };
  const { mentioned } = notice;
  if (notice.type === 'created') return { type: 'created', ticket: facts, mentioned };
  if (notice.type === 'commented') return { type: 'commented', ticket: facts, comment: notice.comment, mentioned };
  return {
    type: 'updated',
    ticket: facts,
    mentioned,
    status: notice.status ? { from: String(notice.status.from), to: String(notice.status.to) } : undefined,
    assignee: notice.assignee ? { from: asId(notice.assignee.from), to: asId(notice.assignee.to) } : undefined,
  };
}
