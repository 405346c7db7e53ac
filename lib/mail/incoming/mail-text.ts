// Text from a mail, made fit for the app's fields: the same rules the forms enforce (no control
// characters but tab and line breaks, bounded lengths), applied by cleaning instead of refusing,
// so one odd character never loses a whole mail.

// Every control character except tab and LF (CR is turned into LF first).
const controlExceptTabAndLineFeed = /[^\P{Cc}\t\n]/gu;
const anyControl = /\p{Cc}/gu;

/** Multi-line text: LF line breaks, no other control characters, trimmed, cut to `max` with a note saying so. */
export function cleanMultiLineText(text: string, max: number): string {
  const cleaned = text.replace(/\r\n?/g, '\n').replace(controlExceptTabAndLineFeed, '').trim();
  if (cleaned.length <= max) return cleaned;
  const note = '\n\n[The mail was longer; the rest was cut.]';
  return `${cleaned.slice(0, max - note.length).trimEnd()}${note}`;
}

/** One line: whitespace (line breaks included) collapsed to single spaces, no control characters, cut to `max`. */
export function cleanSingleLineText(text: string, max: number): string {
  const cleaned = text.replace(/\s+/g, ' ').replace(anyControl, '').trim();
  return cleaned.length <= max ? cleaned : `${cleaned.slice(0, max - 1).trimEnd()}…`;
}

// "Re:", "Fwd:", "AW:", "WG:", "Antw:", "TR:", "RE[2]:" … repeated in any order, and our "[T-1001]".
const replyPrefix = /^\s*(?:(?:re|fwd?|aw|wg|antw|tr|sv|vs)(?:\[\d+\])?\s*:|\[T-\d+\])\s*/i;

/** A ticket title from a subject: no reply/forward prefixes nor ticket reference, one line, within `max`. */
export function titleFromSubject(subject: string | undefined, max: number): string {
  let title = cleanSingleLineText(subject ?? '', Number.MAX_SAFE_INTEGER);
  for (let previous = ''; previous !== title;) {
    previous = title;
    title = title.replace(replyPrefix, '');
  }
  title = title.replace(/\s*\[T-\d+\]\s*/gi, ' ').trim();
  return cleanSingleLineText(title, max) || '(no subject)';
}

/** The ticket number named by "[T-1001]" in a subject, or null. */
export function subjectTicketNumber(subject: string | undefined): number | null {
  const match = /\[T-(\d{1,15})\]/i.exec(subject ?? '');
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) ? number : null;
}
