import { Link } from '@/app/components/link';
import { Markdown } from '@/app/components/markdown';
import { formatDateTime } from '@/lib/format';
import type { Mentionable } from '@/lib/markdown';
import { statusLabels, priorityLabels, type TicketPriority, type TicketStatus } from '@/lib/tickets/rules';
import type { TicketEvent, TimelineEntry } from '@/lib/tickets/timeline';
import type { AttachmentInfo } from '@/lib/tickets/attachment-queries';
import styles from '../tickets.module.css';
import { AttachmentList } from './attachment-list';

const statusName = (value: string | null) =>
  value && value in statusLabels ? statusLabels[value as TicketStatus] : (value ?? '—');
const priorityName = (value: string | null) =>
  value && value in priorityLabels ? priorityLabels[value as TicketPriority] : (value ?? '—');

function describeEvent(event: TicketEvent): string {
  const from = event.fromValue ?? '—';
  const to = event.toValue ?? '—';
  switch (event.kind) {
    case 'created':
      return 'opened the ticket';
    case 'status':
      return `changed the status from ${statusName(event.fromValue)} to ${statusName(event.toValue)}`;
    case 'assignee':
      if (!event.toValue) return `unassigned ${from}`;
      if (event.toRef && event.toRef === event.actor?.id)
        return event.fromValue ? `took the ticket over from ${from}` : 'took the ticket';
      return event.fromValue ? `reassigned the ticket from ${from} to ${to}` : `assigned the ticket to ${to}`;
    case 'priority':
      return `changed the priority from ${priorityName(event.fromValue)} to ${priorityName(event.toValue)}`;
    case 'category':
      return `changed the category from ${from} to ${to}`;
    case 'title':
      return `renamed the ticket from “${from}” to “${to}”`;
    case 'description':
      return 'edited the description';
    case 'link_asset':
      return `linked asset ${to}`;
    case 'unlink_asset':
      return `unlinked asset ${from}`;
    default:
      return event.kind;
  }
}

type Props = {
  ticketId: string;
  entries: TimelineEntry[];
  /** The files the reader may see; each comment shows its own. */
  attachments: AttachmentInfo[];
  /** The staff the comments mention, shown as mentions. */
  mentionable: Mentionable;
  /** Staff only: offer "Turn into article" on comments not written by this requester. */
  articleDrafts?: { requesterId: string };
};

/** Comments and changes, oldest first; internal notes stand out and say what they are. */
export function Conversation({ ticketId, entries, attachments, mentionable, articleDrafts }: Props) {
  if (entries.length === 0) return <p className="empty">No activity yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) =>
        entry.type === 'comment' ? (
          <li key={`c-${entry.id}`} className={entry.internal ? 'internal' : undefined}>
            <div className={styles.entryMeta}>
              <strong>{entry.author?.displayName ?? 'A deleted user'}</strong>
              {entry.internal ? (
                <span className="badge amber">Internal note</span>
              ) : (
                <span className="muted">replied</span>
              )}
              <time className="muted" dateTime={entry.createdAt.toISOString()}>
                {formatDateTime(entry.createdAt)}
              </time>
            </div>
            <Markdown text={entry.body} mentionable={mentionable} className={styles.markdown} />
            <AttachmentList
              ticketId={ticketId}
              attachments={attachments.filter((file) => file.commentId === entry.id)}
            />
            {articleDrafts && entry.author && entry.author.id !== articleDrafts.requesterId ? (
              <Link href={`/kb/new?ticket=${ticketId}&comment=${entry.id}`} className="muted">
                Turn into article
              </Link>
            ) : null}
          </li>
        ) : (
          <li key={`e-${entry.id}`} className={styles.event}>
            <strong>{entry.actor?.displayName ?? 'Someone'}</strong> {describeEvent(entry)} ·{' '}
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
          </li>
        ),
      )}
    </ol>
  );
}
