import type { ArticleStatus, ArticleVisibility } from '@/lib/db/schema-kb';
import { formatCount } from '@/lib/format-count';

/** A draft or a staff-only article says so wherever staff see it; a published one for everyone needs no badge. */
export function ArticleBadges({ status, visibility }: { status: ArticleStatus; visibility: ArticleVisibility }) {
  return (
    <>
      {status === 'draft' ? <span className="badge amber">Draft</span> : null}
      {visibility === 'staff' ? <span className="badge">Staff only</span> : null}
    </>
  );
}

/** "Saved 3 tickets": how many people said the article solved their problem instead of a ticket. */
export function savedTickets(count: number): string {
  return `Saved ${formatCount(count)} ${count === 1 ? 'ticket' : 'tickets'}`;
}
