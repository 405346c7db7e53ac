// A reply by mail carries the whole thread below (or above) the new words, and often a signature.
// Only the new words belong on the ticket: the earlier messages are on it already.

// A client's line above the quote it makes: "On Mon, 1 Dec 2026 at 10:00, Alice <a@example.com>
// wrote:" (Gmail, Apple Mail, Thunderbird), "Am … schrieb …:", "Le … a écrit :".
const attributions: RegExp[] = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  /^\s*Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i,
  /^\s*Le\b.{0,300}\ba écrit\s*:\s*$/i,
];

// Lines that open a history that is not quoted with "> ": everything from such a line on is old.
const historyOpeners: RegExp[] = [
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

// How many lines the attribution at `index` takes: 1, 2 ("On …" wrapped by the sending client), or 0.
function attributionAt(lines: string[], index: number): number {
  if (attributions.some((attribution) => attribution.test(lines[index]))) return 1;
  const next = lines[index + 1];
  return next !== undefined && /^\s*On\b/i.test(lines[index]) && /\bwrote:\s*$/i.test(next) ? 2 : 0;
}

const quoted = (line: string) => /^\s*>/.test(line);

/** True when the next line with text from `index` on is quoted. */
function quoteFollows(lines: string[], index: number): boolean {
  const next = lines.slice(index).find((line) => line.trim() !== '');
  return next !== undefined && quoted(next);
}

/**
 * The new text of a mail reply: without the quoted history ("On … wrote:" and its "> " lines,
 * Outlook's "Original Message" and "From:/Sent:" blocks) and without a signature after "-- ". Words
 * written below a quote (bottom-posting, or answers between quoted lines) are kept.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    // RFC 3676's signature separator is "-- " exactly; some clients drop the trailing space.
    if (line === '-- ' || line === '--') break;
    const attribution = attributionAt(lines, index);
    if (attribution > 0 && quoteFollows(lines, index + attribution)) {
      // Above a quote, it introduces the quote, and what follows the quote is new again.
      index += attribution - 1;
      continue;
    }
    // Not above a quote, it opens unquoted history when it names a date ("On 1 Dec 2026 … wrote:");
    // without one it is a sentence of the new words ("On the whole it works, but she wrote:").
    if (attribution > 0 && /\d/.test(lines.slice(index, index + attribution).join(' '))) break;
    if (historyOpeners.some((opener) => opener.test(line)) || isOutlookHeaderBlock(lines, index)) break;
    if (quoted(line)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
