import 'server-only';
import type { ParsedMail } from 'mailparser';
import { getConfig } from '../../config';
import { attachmentFilename, maxFilesPerUpload, type NewAttachment } from '../../tickets/attachments';

// Files over ATTACHMENT_MAX_BYTES, and those past the number a form may upload at once, are left
// out of the ticket with a line saying so, rather than refusing the whole mail: the words still
// reach the helpdesk, and they know to ask for the file.

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024 / 1024))} MB`;
}

/** The files of a mail to store, and a note for each one too large to keep. */
export function attachmentsOf(mail: ParsedMail): { files: NewAttachment[]; notes: string[] } {
  const { maxBytes } = getConfig().attachments;
  const files: NewAttachment[] = [];
  const notes: string[] = [];
  for (const attachment of mail.attachments) {
    const filename = attachmentFilename(attachment.filename ?? '');
    if (attachment.content.length > maxBytes) {
      notes.push(
        `[Attachment "${filename}" (${megabytes(attachment.content.length)}) was not kept: files may be at most ${megabytes(maxBytes)}.]`,
      );
      continue;
    }
    files.push({ filename, contentType: attachment.contentType, bytes: attachment.content });
  }
  if (files.length > maxFilesPerUpload) {
    const left = files.splice(maxFilesPerUpload);
    notes.push(
      `[${left.length} more ${left.length === 1 ? 'file was' : 'files were'} not kept: a mail may bring at most ${maxFilesPerUpload}.]`,
    );
  }
  return { files, notes };
}
