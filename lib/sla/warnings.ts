import 'server-only';
import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { getConfig } from '../config';
import type { Database, Transaction } from '../db/client';
import { users } from '../db/schema';
import { tickets } from '../db/schema-domain';
import { mailMessages } from '../db/schema-mail';
import { ticketSlaWarnings, type SlaStage, type SlaTarget } from '../db/schema-sla';
import { enqueueJob } from '../jobs/queue';
import { mailDomain, newMessageId, publicLink, renderMail } from '../mail/outgoing/compose';
import { kindInfo } from '../mail/outgoing/kinds';
import type { MailJob } from '../mail/outgoing/mail-job';
import { ticketMail } from '../mail/outgoing/ticket-mails';
import { ticketThreadHeaders } from '../mail/outgoing/ticket-thread';
import { ticketReference } from '../tickets/rules';
import { loadBusinessCalendar, loadPolicies } from './calendar';
import { milestones, slaColumns } from './schedule';
import { clockColumns } from './ticket-sla';

// The 'sla-check' job: for each ticket whose stored sla_warn_at has passed, mail its assignee (or,
// unassigned, the agents who hear about unassigned tickets) at 80 % of a target and at its breach.
// A warning is a row of ticket_sla_warnings first, the mail second, in one transaction: the row's
// key refuses a second one, so a re-run, a restart or another process never sends it again.

const batchSize = 200;

const targetWords: Record<SlaTarget, string> = { first_response: 'first response', resolution: 'resolution' };

/** Sends the warnings due by `now`; returns how many were recorded. */
export async function runSlaCheck(db: Database, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(isNotNull(tickets.slaWarnAt), lte(tickets.slaWarnAt, now)))
    .orderBy(asc(tickets.slaWarnAt))
    .limit(batchSize);
  let recorded = 0;
  for (const { id } of due) recorded += await db.transaction((tx) => warnTicket(tx, id, now));
  return recorded;
}

async function warnTicket(tx: Transaction, ticketId: string, now: Date): Promise<number> {
  const [ticket] = await tx
    .select({
      ...clockColumns,
      number: tickets.number,
      title: tickets.title,
      assigneeId: tickets.assigneeId,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .for('update');
  if (!ticket) return 0;
  const [calendar, policies, sentRows] = await Promise.all([
    loadBusinessCalendar(tx, now),
    loadPolicies(tx),
    tx
      .select({ target: ticketSlaWarnings.target, stage: ticketSlaWarnings.stage })
      .from(ticketSlaWarnings)
      .where(eq(ticketSlaWarnings.ticketId, ticketId)),
  ]);
  const sent = new Set(sentRows.map((row) => `${row.target}:${row.stage}`));
  const policy = policies.get(ticket.priority) ?? null;
  let recorded = 0;
  if (policy && ticket.slaPausedSince === null) {
    const reached = milestones(ticket, policy, calendar).filter(
      (milestone) => milestone.at <= now && !sent.has(`${milestone.target}:${milestone.stage}`),
    );
    // Past a breach, its 80 % warning says nothing new: it is recorded as sent, and not mailed.
    const breached = new Set(reached.filter((m) => m.stage === 'breach').map((m) => m.target));
    for (const milestone of reached) {
      const [inserted] = await tx
        .insert(ticketSlaWarnings)
        .values({ ticketId, target: milestone.target, stage: milestone.stage })
        .onConflictDoNothing()
        .returning({ ticketId: ticketSlaWarnings.ticketId });
      sent.add(`${milestone.target}:${milestone.stage}`);
      if (!inserted) continue;
      recorded += 1;
      if (milestone.stage === 'warning' && breached.has(milestone.target)) continue;
      await mailWarning(tx, ticket, milestone);
    }
  }
  await tx
    .update(tickets)
    .set(slaColumns(ticket, policy, calendar, { now, sent }))
    .where(eq(tickets.id, ticketId));
  return recorded;
}

async function mailWarning(
  tx: Transaction,
  ticket: { id: string; number: number; title: string; assigneeId: string | null },
  milestone: { target: SlaTarget; stage: SlaStage; at: Date },
): Promise<void> {
  const config = getConfig();
  if (!config.mail.smtpUrl || !config.publicUrl) return;
  const kind = milestone.stage === 'breach' ? 'sla_breach' : 'sla_warning';
  const candidates = await tx
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      optOuts: users.notificationOptOuts,
    })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        isNotNull(users.email),
        inArray(users.role, ['agent', 'admin']),
        ticket.assigneeId ? eq(users.id, ticket.assigneeId) : eq(users.notifyUnassigned, true),
      ),
    )
    .orderBy(asc(users.username));
  // The 80 % warning may be turned off on the account page; the breach is essential.
  const recipients = candidates.filter((user) => kindInfo[kind].essential || !user.optOuts.includes(kind));
  const domain = mailDomain(config.mail.from, config.publicUrl);
  const reference = ticketReference(ticket.number);
  const thread = await ticketThreadHeaders(tx, ticket.id, domain);
  for (const recipient of recipients) {
    const mail = ticketMail(kind, {
      reference,
      title: ticket.title,
      description: '',
      link: publicLink(config.publicUrl, `/tickets/${ticket.id}`),
      recipientName: recipient.displayName,
      actorName: '',
      requesterName: '',
      repliesByMail: false,
      slaTarget: targetWords[milestone.target],
      unassigned: !ticket.assigneeId,
    });
    const { subject } = mail;
    const content = renderMail(mail);
    const messageId = newMessageId(domain);
    await tx.insert(mailMessages).values({
      direction: 'out',
      messageId,
      ticketId: ticket.id,
      userId: recipient.id,
      outcome: kind,
    });
    const job: MailJob = {
      to: recipient.email!,
      userId: recipient.id,
      subject,
      ...content,
      messageId,
      ...thread,
    };
    await enqueueJob(tx, 'mail-send', job);
  }
}
