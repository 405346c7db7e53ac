// A reply by mail carries the whole thread below (or above) the new words, and often a signature.
// Only the new words belong on the ticket: the earlier messages are on it already.

// Lines that open the quoted history: everything from such a line on is the old thread.
const historyOpeners: RegExp[] = [
  // Gmail, Apple Mail, Thunderbird: "On Mon, 1 Dec 2026 at 10:00, Alice <a@example.com> wrote:"
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  // German and French clients: "Am … schrieb …:", "Le … a écrit :"
  /^\s*Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i,
  /^\s*Le\b.{0,300}\ba écrit\s*:\s*$/i,
  // Outlook: "-----Original Message-----" (and its translations use the same dashes)
  /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^\s*-{2,}\s*Ursprüngliche Nachricht\s*-{2,}\s*$/i,
  // Forwarded blocks keep their history too.
  /^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
];

// Outlook without the dashes: a "From:" line followed, within a few lines, by "Sent:" or "Date:".
function isOutlookHeaderBlock(lines: string[], index: number): boolean {
  if (!/^\s*\*?(From|Von|De)\s*:\*?\s+\S/i.test(lines[index])) return false;
  return lines.slice(index + 1, index + 4).some((line) => /^\s*\*?(Sent|Date|Gesendet|Envoyé)\s*:\*?\s+\S/i.test(line));
}

// "On …" headers are often wrapped by the sending client over two lines.
function isWrappedOpener(lines: string[], index: number): boolean {
  const next = lines[index + 1];
  return next !== undefined && /^\s*On\b/i.test(lines[index]) && /\bwrote:\s*$/i.test(next);
}

/**
 * The new text of a mail reply: without the quoted history ("On … wrote:", "> " lines, Outlook's
 * "Original Message" and "From:/Sent:" blocks) and without a signature after "-- ".
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    // RFC 3676's signature separator is "-- " exactly; some clients drop the trailing space.
    if (line === '-- ' || line === '--') break;
    if (historyOpeners.some((opener) => opener.test(line))) break;
    if (isWrappedOpener(lines, index) || isOutlookHeaderBlock(lines, index)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
