import { getConfig } from '@/lib/config';
import type { AttachmentInfo } from '@/lib/tickets/attachment-queries';
import styles from '../tickets.module.css';

// Raster images get a thumbnail; the download route shows only these inline (never SVG).
const thumbnailTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files on a description or comment: name (a download), size and type; images with a thumbnail. */
export function AttachmentList({ ticketId, attachments }: { ticketId: string; attachments: AttachmentInfo[] }) {
  if (attachments.length === 0) return null;
  const base = `${getConfig().basePath}/api/tickets/${ticketId}/attachments`;
  return (
    <ul className={styles.attachments} aria-label="Attachments">
      {attachments.map((file) => (
        <li key={file.id} className={styles.attachment}>
          {thumbnailTypes.has(file.contentType) ? (
            <a href={`${base}/${file.id}?inline=1`} target="_blank" rel="noopener" className={styles.thumbnail}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a private file behind the session, not an optimizable asset */}
              <img src={`${base}/${file.id}?inline=1`} alt={`Preview of ${file.filename}`} loading="lazy" />
            </a>
          ) : null}
          <a href={`${base}/${file.id}`} download={file.filename}>
            {file.filename}
          </a>{' '}
          <span className="muted">
            {byteSize(file.size)} · {file.contentType}
          </span>
        </li>
      ))}
    </ul>
  );
}
