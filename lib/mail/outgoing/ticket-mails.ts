import type { NotificationKind } from './kinds';
import type { MailContent } from './compose';

// The words of each notification about a ticket. Titles, descriptions and replies are what people
// wrote: they go into paragraphs (escaped when rendered as HTML), never into markup.

export type TicketMailFacts = {
  reference: string;
  title: string;
  description: string;
  link: string;
  recipientName: string;
  actorName: string;
  requesterName: string;
  comment?: string;
  /** The text is an internal note (only staff see it). */
  internalNote?: boolean;
  repliesByMail: boolean;
  /** The SLA target a warning is about, in words ("first response", "resolution"). */
  slaTarget?: string;
  /** Nobody is assigned to the ticket (an SLA warning then goes to the unassigned queue's agents). */
  unassigned?: boolean;
};

const quote = (text: string) => text.trim() || '(no text)';

export function ticketMail(kind: NotificationKind, facts: TicketMailFacts): MailContent {
  const tag = `[${facts.reference}]`;
  const hello = `Hello ${facts.recipientName},`;
  const replyHint = facts.repliesByMail ? ['You can reply to this mail to add to the ticket.'] : [];
  const link = { label: `Open ${facts.reference}`, href: facts.link };
  const content = (subject: string, paragraphs: string[]): MailContent => ({
    subject: `${tag} ${subject}`,
    paragraphs: [hello, ...paragraphs],
    link,
  });
  switch (kind) {
    case 'ticket_received':
      return content(`We received your request: ${facts.title}`, [
        `We received your request and filed it as ${facts.reference}. We will get back to you.`,
        `${facts.title}\n\n${quote(facts.description)}`,
        ...replyHint,
      ]);
    case 'public_reply':
      return content(`New reply: ${facts.title}`, [
        `${facts.actorName} replied on ${facts.reference} (${facts.title}):`,
        quote(facts.comment ?? ''),
        ...replyHint,
      ]);
    case 'ticket_resolved':
      return content(`Resolved: ${facts.title}`, [
        `${facts.actorName} marked ${facts.reference} (${facts.title}) as resolved.`,
        'If the problem is back, reopen the ticket from the link below.',
      ]);
    case 'ticket_closed':
      return content(`Closed: ${facts.title}`, [`${facts.actorName} closed ${facts.reference} (${facts.title}).`]);
    case 'new_unassigned':
      return content(`New unassigned ticket: ${facts.title}`, [
        `${facts.requesterName} opened ${facts.reference}; nobody is assigned yet.`,
        `${facts.title}\n\n${quote(facts.description)}`,
      ]);
    case 'ticket_assigned':
      return content(`Assigned to you: ${facts.title}`, [
        `${facts.actorName} assigned ${facts.reference} (${facts.title}) to you.`,
        `${facts.requesterName} wrote:\n\n${quote(facts.description)}`,
      ]);
    case 'ticket_reopened':
      return content(`Reopened by ${facts.requesterName}: ${facts.title}`, [
        `${facts.requesterName} replied on ${facts.reference} (${facts.title}), which was waiting on them; it is open again.`,
        quote(facts.comment ?? ''),
      ]);
    case 'mentioned':
      return content(`${facts.actorName} mentioned you: ${facts.title}`, [
        facts.internalNote
          ? `${facts.actorName} mentioned you in an internal note on ${facts.reference} (${facts.title}). Only staff see it; answer on the ticket page${facts.repliesByMail ? ', since a reply to this mail is added as a public reply' : ''}.`
          : `${facts.actorName} mentioned you on ${facts.reference} (${facts.title}):`,
        quote(facts.comment ?? facts.description),
      ]);
    case 'sla_warning':
    case 'sla_breach': {
      const what = facts.slaTarget ?? 'SLA';
      const breached = kind === 'sla_breach';
      return content(breached ? `SLA breached (${what}): ${facts.title}` : `SLA ${what} due soon: ${facts.title}`, [
        `The ${what} target of ${facts.reference} (${facts.title}) ${breached ? 'was due' : 'is 80 % through its time'}${facts.unassigned ? '; nobody is assigned yet' : ''}.`,
      ]);
    }
    case 'requester_reply':
      return content(`${facts.requesterName} replied: ${facts.title}`, [
        `${facts.requesterName} replied on ${facts.reference} (${facts.title}):`,
        quote(facts.comment ?? ''),
      ]);
  }
}
