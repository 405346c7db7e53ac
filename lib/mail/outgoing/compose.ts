import { randomBytes } from 'node:crypto';

// What a mail says and how it is addressed, without sending it: Message-IDs, the ticket's thread,
// and one text rendered twice (plain text, and HTML with every user-written word escaped).

/** The domain our Message-IDs end in: MAIL_FROM's, else PUBLIC_URL's host. */
export function mailDomain(from: string | undefined, publicUrl: string | undefined): string {
  const address = /<([^>]+)>/.exec(from ?? '')?.[1] ?? from ?? '';
  const domain = /@([A-Za-z0-9.-]+)\s*$/.exec(address)?.[1];
  if (domain) return domain.toLowerCase();
  return publicUrl ? new URL(publicUrl).hostname : 'localhost';
}

export function newMessageId(domain: string): string {
  return `<${randomBytes(16).toString('hex')}@${domain}>`;
}

/** The same id for every mail about one ticket, so clients thread them even when none came in by mail. */
export function ticketThreadId(ticketId: string, domain: string): string {
  return `<ticket-${ticketId}@${domain}>`;
}

/** In-Reply-To and References for a mail about a ticket: the mail that opened it (if any), then its thread id. */
export function threadHeaders(threadId: string, openingMessageId: string | null) {
  const references = openingMessageId ? [openingMessageId, threadId] : [threadId];
  return { inReplyTo: openingMessageId ?? threadId, references };
}

/** `${PUBLIC_URL}${path}`, PUBLIC_URL keeping its base path. */
export function publicLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

export type MailContent = {
  subject: string;
  /** Paragraphs of plain text; user-written text is placed here as it is and escaped for HTML. */
  paragraphs: string[];
  link: { label: string; href: string };
};

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character]);
}

/** The plain-text part and the HTML part of one mail: the same words in both. */
export function renderMail(content: MailContent): { text: string; html: string } {
  const text = [...content.paragraphs, `${content.link.label}: ${content.link.href}`].join('\n\n') + '\n';
  const body = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`);
  body.push(
    `<p>${escapeHtml(content.link.label)}: <a href="${escapeHtml(content.link.href)}">${escapeHtml(content.link.href)}</a></p>`,
  );
  const html = `<!doctype html>\n<html><body>\n${body.join('\n')}\n</body></html>\n`;
  return { text, html };
}
