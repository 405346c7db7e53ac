import { isUtf8 } from 'node:buffer';
import { AppError } from '../../errors';
import { maxImportBytes } from '../csv-import-rows';

export type FileEncoding = 'utf-8' | 'windows-1252';

// Decoding a segment at a time, so the file's first bytes may not be a BOM: it is dropped once, by hand.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Windows-1252's characters for 0x80-0x9F; the five it leaves unassigned stay as their own code points.
// (Node's TextDecoder('windows-1252') reads these bytes as Latin-1 control characters instead.)
const windows1252High =
  '\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178';
const windows1252 = (bytes: Buffer) =>
  bytes.toString('latin1').replace(/[\x80-\x9f]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80]);
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16Boms = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

export const tooLargeMessage = `The file is too large: at most ${maxImportBytes / (1024 * 1024)} MB can be imported at once. Split it into smaller files.`;

/**
 * Turns an import file's bytes into text as they arrive, with "\n" as the only line ending. UTF-8
 * is expected; a file whose first non-ASCII byte is not UTF-8 is read as Windows-1252 (Excel's
 * plain "CSV" on Western Windows), and one that stops being UTF-8 after UTF-8 text is refused at
 * that line: nothing is ever decoded into U+FFFD.
 */
export class ImportFileDecoder {
  encoding: FileEncoding = 'utf-8';
  bytesRead = 0;
  /** The line the next segment starts on. */
  private line = 1;
  private sawUtf8Text = false;

  async *decode(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
    let pending: Buffer = Buffer.alloc(0);
    let started = false;
    for await (const chunk of source) {
      this.bytesRead += chunk.byteLength;
      if (this.bytesRead > maxImportBytes) throw new AppError('payload_too_large', tooLargeMessage);
      let bytes: Buffer = Buffer.concat([pending, chunk]);
      if (!started) {
        if (bytes.length < utf8Bom.length) {
          pending = bytes;
          continue;
        }
        bytes = withoutBom(bytes);
        started = true;
      }
      const end = completeLinesEnd(bytes);
      pending = bytes.subarray(end);
      if (end > 0) yield this.text(bytes.subarray(0, end));
    }
    if (!started) pending = withoutBom(pending);
    if (pending.length > 0) yield this.text(pending);
  }

  private text(segment: Buffer): string {
    const text = unifyLineEndings(this.encoding === 'utf-8' ? this.utf8Text(segment) : windows1252(segment));
    this.line += newlines(text);
    return text;
  }

  private utf8Text(segment: Buffer): string {
    if (isUtf8(segment)) {
      const text = utf8.decode(segment);
      this.sawUtf8Text ||= /[^\x00-\x7f]/.test(text);
      return text;
    }
    const invalidAt = firstInvalidUtf8(segment);
    if (this.sawUtf8Text || segment.findIndex((byte) => byte >= 0x80) < invalidAt) {
      const line = this.line + newlines(unifyLineEndings(utf8.decode(segment.subarray(0, invalidAt))));
      const byte = segment[invalidAt].toString(16).toUpperCase().padStart(2, '0');
      throw new AppError(
        'unprocessable',
        `line ${line}: this line is not UTF-8 text (byte 0x${byte}) though earlier text is, so the file's encoding is unclear. Save the file as "CSV UTF-8" and import it again.`,
      );
    }
    this.encoding = 'windows-1252';
    return windows1252(segment);
  }
}

function withoutBom(bytes: Buffer): Buffer {
  if (utf16Boms.some((bom) => bytes.subarray(0, bom.length).equals(bom)))
    throw new AppError('unprocessable', 'The file is UTF-16 text. Save it as "CSV UTF-8" and import it again.');
  return bytes.subarray(0, utf8Bom.length).equals(utf8Bom) ? bytes.subarray(utf8Bom.length) : bytes;
}

/** Where the last complete line ends: after the last "\n", or after a lone "\r" (a "\r\n" pair is never split). */
function completeLinesEnd(bytes: Buffer): number {
  const lastCarriageReturn = bytes.length >= 2 ? bytes.lastIndexOf(0x0d, bytes.length - 2) : -1;
  return Math.max(bytes.lastIndexOf(0x0a), lastCarriageReturn) + 1;
}

// csv-parse counts lines reliably with one kind of line ending only.
const unifyLineEndings = (text: string) => text.replace(/\r\n?/g, '\n');
const newlines = (text: string) => text.split('\n').length - 1;

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode's table 3-7). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] < 0x80) {
      at++;
      continue;
    }
    const shape = sequenceShape(bytes[at]);
    if (!shape) return at;
    const [length, secondMin, secondMax] = shape;
    if (at + length > bytes.length || bytes[at + 1] < secondMin || bytes[at + 1] > secondMax) return at;
    for (let next = at + 2; next < at + length; next++) if (bytes[next] < 0x80 || bytes[next] > 0xbf) return at;
    at += length;
  }
  return at;
}

/** A sequence's length and the range its second byte must be in, by its first byte; null when no sequence starts so. */
function sequenceShape(lead: number): [length: number, secondMin: number, secondMax: number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return null;
}
