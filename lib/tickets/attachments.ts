import 'server-only';
import type { Actor } from '../actor';
import { getConfig } from '../config';
import type { Transaction } from '../db/client';
import { ticketAttachments } from '../db/schema-mail';
import { AppError } from '../errors';

export type NewAttachment = { filename: string; contentType: string; bytes: Buffer };

/** A name safe to store and to offer for download: no path, no control characters, not empty. */
export function attachmentFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
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
  if (tooLarge) {
    throw new AppError(
      'payload_too_large',
      `${attachmentFilename(tooLarge.filename)} is larger than ${Math.floor(maxBytes / 1024 / 1024) || 1} MB.`,
      { fields: { attachments: 'A file is too large.' } },
    );
  }
  return tx
    .insert(ticketAttachments)
    .values(
      files.map((file) => ({
        ticketId: target.ticketId,
        commentId: target.commentId,
        uploadedBy: actor.id,
        filename: attachmentFilename(file.filename),
        contentType: file.contentType || 'application/octet-stream',
        byteSize: file.bytes.length,
        bytes: file.bytes,
      })),
    )
    .returning({ id: ticketAttachments.id, filename: ticketAttachments.filename });
}
