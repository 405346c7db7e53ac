import 'server-only';
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { personColumns } from '../db/relations';
import { users } from '../db/schema';
import { assets, ticketEvents } from '../db/schema-domain';
import type { Person, TicketComment, TicketDetail } from './queries';

// The ticket page's conversation: comments and change events interleaved by time.

export const eventKinds = {
  created: 'created',
  status: 'status',
  assignee: 'assignee',
  priority: 'priority',
  category: 'category',
  title: 'title',
  description: 'description',
  linkAsset: 'link_asset',
  unlinkAsset: 'unlink_asset',
  comment: 'comment',
  internalNote: 'internal_note',
} as const;

export type TicketEvent = {
  id: number;
  kind: string;
  fromValue: string | null;
  toValue: string | null;
  /** The stored value behind toValue (a user or asset id where toValue shows a name). */
  toRef: string | null;
  actor: Person | null;
  createdAt: Date;
};

export type TimelineEntry = ({ type: 'comment' } & TicketComment) | ({ type: 'event' } & TicketEvent);

// Comments appear as themselves, so their events stay out of the timeline (and an internal
// note's event could otherwise tell a requester that a note exists).
const commentKinds = [eventKinds.comment, eventKinds.internalNote];

/** Interleaves the (already permission-filtered) ticket's comments with its change events. */
export async function getTicketTimeline(executor: Executor, ticket: TicketDetail): Promise<TimelineEntry[]> {
  const rows = await executor.query.ticketEvents.findMany({
    columns: { id: true, kind: true, fromValue: true, toValue: true, createdAt: true },
    where: and(eq(ticketEvents.ticketId, ticket.id), notInArray(ticketEvents.kind, commentKinds)),
    orderBy: [asc(ticketEvents.createdAt), asc(ticketEvents.id)],
    with: { actor: { columns: personColumns } },
  });
  const names = await describeReferences(executor, rows);
  const events: TimelineEntry[] = rows.map((event) => ({
    type: 'event',
    ...event,
    fromValue: names.get(event.fromValue ?? '') ?? event.fromValue,
    toValue: names.get(event.toValue ?? '') ?? event.toValue,
    toRef: event.toValue,
  }));
  const comments: TimelineEntry[] = ticket.comments.map((comment) => ({ type: 'comment', ...comment }));
  // At the same instant, the change comes before the comment (a status set, then a note on it).
  const typeRank = (entry: TimelineEntry) => (entry.type === 'event' ? 0 : 1);
  return [...events, ...comments].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || typeRank(a) - typeRank(b),
  );
}

/** Assignee and asset events store ids; the timeline shows names and tags. */
type StoredEvent = { kind: string; fromValue: string | null; toValue: string | null };

async function describeReferences(executor: Executor, rows: StoredEvent[]): Promise<Map<string, string>> {
  const ids = (kinds: string[]) => {
    const values = rows.filter((row) => kinds.includes(row.kind)).flatMap((row) => [row.fromValue, row.toValue]);
    return [...new Set(values.filter((id): id is string => Boolean(id)))];
  };
  const userIds = ids([eventKinds.assignee]);
  const assetIds = ids([eventKinds.linkAsset, eventKinds.unlinkAsset]);
  const names = new Map<string, string>();
  if (userIds.length > 0) {
    for (const user of await executor
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, userIds))) {
      names.set(user.id, user.displayName);
    }
  }
  if (assetIds.length > 0) {
    for (const asset of await executor
      .select({ id: assets.id, assetTag: assets.assetTag, name: assets.name })
      .from(assets)
      .where(inArray(assets.id, assetIds))) {
      names.set(asset.id, `${asset.assetTag} (${asset.name})`);
    }
  }
  return names;
}
