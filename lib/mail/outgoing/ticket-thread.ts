import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { mailMessages } from '../../db/schema-mail';
import { threadHeaders, ticketThreadId } from './compose';

// Every mail about a ticket answers the mail that opened it, when it came in by mail, and carries
// the ticket's own thread id, so a mail client files them all in one conversation.

/** What the incoming-mail side records for a mail that opened a new ticket. */
const openedTicketOutcome = 'ticket';

/**
 * In-Reply-To and References for a mail about this ticket. `opening` is given while the ticket is
 * being opened by a mail, which is not yet recorded against it.
 */
export async function ticketThreadHeaders(tx: Transaction, ticketId: string, domain: string, opening?: string) {
  return threadHeaders(ticketThreadId(ticketId, domain), opening ?? (await openingMessageId(tx, ticketId)));
}

async function openingMessageId(tx: Transaction, ticketId: string): Promise<string | null> {
  const [row] = await tx
    .select({ messageId: mailMessages.messageId })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.direction, 'in'),
        eq(mailMessages.ticketId, ticketId),
        eq(mailMessages.outcome, openedTicketOutcome),
      ),
    )
    .orderBy(asc(mailMessages.id))
    .limit(1);
  return row?.messageId ?? null;
}
