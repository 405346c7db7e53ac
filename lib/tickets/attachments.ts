import 'server-only';
import type { Actor } from '../actor';
import { getConfig } from '../config';
import type { Transaction } from '../db/client';
import { ticketAttachments } from '../db/schema-mail';
import { AppError } from '../errors';

export type NewAttachment = { filename: string; contentType: string; bytes: Buffer };

/** How many files one web form or API upload may carry: with the per-file limit, it bounds a request's body. */
export const maxFilesPerUpload = 10;

/** The form field the files travel in, and the field their errors are reported on. */
export const attachmentsField = 'attachments';

/**
 * The most a request carrying files may send: every file at the limit plus room for the comment and
 * the multipart envelope. next.config.mjs computes the same bound for server actions at build time.
 */
export function maxUploadBodyBytes(): number {
  return getConfig().attachments.maxBytes * maxFilesPerUpload + 1024 * 1024;
}

/** What the web forms tell the user, and check before sending. */
export function attachmentLimits(): { maxBytes: number; maxFiles: number } {
  return { maxBytes: getConfig().attachments.maxBytes, maxFiles: maxFilesPerUpload };
}

/**
 * A name safe to store and to offer for download: no path, no control characters, not empty, and no
 * direction marks, with which "invoice\u202Efdp.exe" shows as "invoiceexe.pdf".
 */
export function attachmentFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}

/** A well-formed MIME type in lower case, parameters dropped; anything else is application/octet-stream. */
export function attachmentContentType(type: string): string {
  const essence = (type.split(';')[0] ?? '').trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(essence)
    ? essence
    : 'application/octet-stream';
}

/** A size limit as people read it: whole megabytes, or kilobytes below one. */
export function sizeLimitText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} kB`;
}

function fileTooLarge(filename: string, maxBytes: number, field = attachmentsField): AppError {
  const message = `${attachmentFilename(filename)} is larger than ${sizeLimitText(maxBytes)}.`;
  return new AppError('payload_too_large', message, { fields: { [field]: message } });
}

/**
 * The files a form sent, read into memory once each is known to fit: at most `maxFilesPerUpload`,
 * each within ATTACHMENT_MAX_BYTES; a refusal names `field`. An empty file input sends one nameless,
 * empty file: skipped.
 */
export async function attachmentsFromFiles(
  values: FormDataEntryValue[],
  field = attachmentsField,
): Promise<NewAttachment[]> {
  // An untouched file input still sends an empty entry (named "" by a plain form post, "undefined"
  // when React resends a form after an error): a file without bytes has nothing to keep.
  const files = values.filter((value): value is File => typeof value !== 'string' && value.size > 0);
  if (files.length > maxFilesPerUpload) {
    const message = `Attach at most ${maxFilesPerUpload} files at a time.`;
    throw new AppError('bad_request', message, { fields: { [field]: message } });
  }
  const { maxBytes } = getConfig().attachments;
  const tooLarge = files.find((file) => file.size > maxBytes);
  if (tooLarge) throw fileTooLarge(tooLarge.name, maxBytes, field);
  return Promise.all(
    files.map(async (file) => ({
      filename: file.name,
      contentType: file.type,
      bytes: Buffer.from(await file.arrayBuffer()),
    })),
  );
}

/**
 * Stores files on a ticket's description (commentId null) or on one comment, in the caller's
 * transaction; a file over ATTACHMENT_MAX_BYTES refuses the whole change.
 */
export async function storeAttachments(
  tx: Transaction,
  actor: Pick<Actor, 'id'>,
  target: { ticketId: string; commentId: string | null },
  files: NewAttachment[],
): Promise<{ id: string; filename: string }[]> {
  if (files.length === 0) return [];
  const { maxBytes } = getConfig().attachments;
  const tooLarge = files.find((file) => file.bytes.length > maxBytes);
  if (tooLarge) throw fileTooLarge(tooLarge.filename, maxBytes);
  return tx
    .insert(ticketAttachments)
    .values(
      files.map((file) => ({
        ticketId: target.ticketId,
        commentId: target.commentId,
        uploadedBy: actor.id,
        filename: attachmentFilename(file.filename),
        contentType: attachmentContentType(file.contentType),
        byteSize: file.bytes.length,
        bytes: file.bytes,
      })),
    )
    .returning({ id: ticketAttachments.id, filename: ticketAttachments.filename });
}
