import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { isMailAddress } from '../../validation';

// What the headers of an incoming mail say about it: who sent it, whether a machine did (and so
// must get no ticket and no answer), its Message-ID and the messages it answers.

export type LoopReason = 'auto_submitted' | 'bulk' | 'mailer_daemon' | 'own_address';

const maxMessageIdLength = 998;

// Every value of a header: a repeated one (two Auto-Submitted lines) is a list, a structured one
// (Content-Type) an object with its value.
function headerValues(mail: ParsedMail, name: string): string[] {
  return [mail.headers.get(name)].flat().flatMap((value) => {
    if (typeof value === 'string') return [value.trim().toLowerCase()];
    if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string')
      return [value.value.trim().toLowerCase()];
    return [];
  });
}

/** The bare address in "Help Desk <help@example.com>" or "help@example.com", lower-cased; null if none. */
export function bareAddress(text: string | undefined): string | null {
  if (!text) return null;
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(text) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(text);
  return match ? match[1].toLowerCase() : null;
}

/**
 * The sender's address (lower-cased) and display name, from the first address in From; null when
 * it is not one mailbox the account forms would take ("<a@x,b@y>" parses as one address).
 */
export function senderOf(mail: ParsedMail): { address: string; name: string } | null {
  const first = mail.from?.value.find((entry) => entry.address);
  if (!first?.address || !isMailAddress(first.address)) return null;
  return { address: first.address.toLowerCase(), name: first.name ?? '' };
}

/**
 * Why this mail must make nothing (an auto-reply, a mailing list, a bounce or read receipt, our own
 * mail coming back), or null when a person sent it. Answering any of these could start a mail loop.
 */
export function loopReason(mail: ParsedMail, ownAddress: string | null): LoopReason | null {
  // RFC 3834's Auto-Submitted, and the headers older responders (vacation, Exchange) set instead.
  if (headerValues(mail, 'auto-submitted').some((value) => value !== '' && !value.startsWith('no')))
    return 'auto_submitted';
  if (['x-autoreply', 'x-autorespond'].some((name) => headerValues(mail, name).some((value) => value !== 'no')))
    return 'auto_submitted';
  // "bulk (list)": the first word is the precedence.
  const precedences = headerValues(mail, 'precedence').map((value) => value.split(/[\s(]/)[0]);
  if (precedences.includes('auto_reply')) return 'auto_submitted';
  if (precedences.some((value) => ['bulk', 'junk', 'list'].includes(value))) return 'bulk';
  // A delivery or read report (multipart/report), or mail with an empty return path (<>), which
  // RFC 5321 reserves for bounces and other automatic replies, from whatever address it claims.
  if (headerValues(mail, 'content-type').includes('multipart/report')) return 'mailer_daemon';
  if (mail.headers.has('return-path') && !returnPathAddress(mail)) return 'mailer_daemon';
  const sender = senderOf(mail);
  const localPart = sender?.address.split('@')[0] ?? '';
  if (localPart === 'mailer-daemon' || localPart === 'postmaster') return 'mailer_daemon';
  if (sender && ownAddress && sender.address === ownAddress) return 'own_address';
  return null;
}

function returnPathAddress(mail: ParsedMail): string | null {
  const value = mail.headers.get('return-path');
  if (typeof value === 'string') return bareAddress(value);
  if (value && typeof value === 'object' && 'value' in value && Array.isArray(value.value))
    return value.value.find((entry) => entry.address)?.address ?? null;
  return null;
}

/**
 * A Message-ID as it is stored and compared: in angle brackets, without the control characters and
 * spaces a broken or hostile mail can put in it (PostgreSQL refuses a NUL in text). Null if empty.
 */
export function cleanMessageId(text: string | undefined): string | null {
  const bare = (text ?? '').replace(/[\p{Cc}\s]/gu, '').replace(/^<|>$/g, '');
  return bare ? `<${bare}>` : null;
}

/** The mail's Message-ID, or for a mail without one a stable id made from its bytes. */
export function messageIdOf(mail: ParsedMail, raw: Buffer): string {
  const given = cleanMessageId(mail.messageId);
  if (given) return given.slice(0, maxMessageIdLength);
  return `<sha256-${createHash('sha256').update(raw).digest('hex')}@no-message-id.invalid>`;
}

/** The Message-IDs this mail answers: In-Reply-To first, then References from the newest. */
export function referencedMessageIds(mail: ParsedMail): string[] {
  const references = [mail.references ?? []].flat().flatMap((value) => value.split(/\s+/));
  const ids = [...(mail.inReplyTo?.split(/\s+/) ?? []), ...references.reverse()]
    .map(cleanMessageId)
    .filter((id): id is string => id !== null && id.length <= maxMessageIdLength);
  return [...new Set(ids)].slice(0, 50);
}
