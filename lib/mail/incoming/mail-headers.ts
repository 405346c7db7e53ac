import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';

// What the headers of an incoming mail say about it: who sent it, whether a machine did (and so
// must get no ticket and no answer), its Message-ID and the messages it answers.

export type LoopReason = 'auto_submitted' | 'bulk' | 'mailer_daemon' | 'own_address';

const maxMessageIdLength = 998;

function headerText(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return undefined;
}

/** The bare address in "Help Desk <help@example.com>" or "help@example.com", lower-cased; null if none. */
export function bareAddress(text: string | undefined): string | null {
  if (!text) return null;
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(text) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(text);
  return match ? match[1].toLowerCase() : null;
}

/** The sender's address (lower-cased) and display name, from From (or Sender when From is empty). */
export function senderOf(mail: ParsedMail): { address: string; name: string } | null {
  const first = mail.from?.value.find((entry) => entry.address);
  if (!first?.address) return null;
  return { address: first.address.toLowerCase(), name: first.name ?? '' };
}

/**
 * Why this mail must make nothing (an auto-reply, a mailing list, a bounce, our own mail coming
 * back), or null when a person sent it. Answering any of these could start a mail loop.
 */
export function loopReason(mail: ParsedMail, ownAddress: string | null): LoopReason | null {
  const autoSubmitted = headerText(mail, 'auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return 'auto_submitted';
  const precedence = headerText(mail, 'precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list'].includes(precedence)) return 'bulk';
  const sender = senderOf(mail);
  const localPart = sender?.address.split('@')[0] ?? '';
  if (localPart === 'mailer-daemon' || localPart === 'postmaster') return 'mailer_daemon';
  if (sender && ownAddress && sender.address === ownAddress) return 'own_address';
  return null;
}

/** The mail's Message-ID, or for a mail without one a stable id made from its bytes. */
export function messageIdOf(mail: ParsedMail, raw: Buffer): string {
  const given = mail.messageId?.trim();
  if (given) return given.slice(0, maxMessageIdLength);
  return `<sha256-${createHash('sha256').update(raw).digest('hex')}@no-message-id.invalid>`;
}

/** The Message-IDs this mail answers: In-Reply-To first, then References from the newest. */
export function referencedMessageIds(mail: ParsedMail): string[] {
  const references = [mail.references ?? []].flat().flatMap((value) => value.split(/\s+/));
  const ids = [...(mail.inReplyTo?.split(/\s+/) ?? []), ...references.reverse()]
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && id.length <= maxMessageIdLength);
  return [...new Set(ids)].slice(0, 50);
}
