import type { Metadata } from 'next';
import { BackLink, Link } from '@/app/components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ActionButton } from '@/app/components/action-button';
import { Banner } from '@/app/components/banner';
import { Panel } from '@/app/components/panel';
import { Fact, Facts } from '@/app/components/facts';
import { Markdown } from '@/app/components/markdown';
import { isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { listVisibleAttachments } from '@/lib/tickets/attachment-queries';
import { attachmentLimits } from '@/lib/tickets/attachments';
import { listTicketCategories } from '@/lib/tickets/categories';
import { mentionableIn } from '@/lib/tickets/mentions';
import { getTicket, listAssetsAssignedTo, listAssignableUsers, type TicketDetail } from '@/lib/tickets/queries';
import { markTicketSeen } from '@/lib/tickets/reads';
import { allowedTransitions } from '@/lib/tickets/rules';
import { getTicketTimeline } from '@/lib/tickets/timeline';
import { setStatusAction, takeTicketAction, unlinkAssetAction } from '../actions';
import { PriorityBadge, StatusBadge } from '../ticket-badges';
import styles from '../tickets.module.css';
import { AttachmentList } from './attachment-list';
import { Conversation } from './conversation';
import { CommentForm } from './comment-form';
import { CannedReplyPicker } from './canned-reply-picker';
import { cannedRepliesForTicket } from '@/lib/canned-replies/replies';
import { SlaFacts } from './sla-facts';
import { ticketSlaDetail } from '@/lib/sla/queries';
import { LinkAssetForm, UpdateTicketForm } from './ticket-forms';
import type { SearchParams } from '../../_components/list-query';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };
type Person = { id: string; displayName: string };

/**
 * Who the update form offers: the assignable people, and the current assignee even when they are
 * no longer assignable (disabled, or no longer staff), so saving another change keeps the ticket theirs.
 */
function assigneeChoices(assignable: Person[], current: Person | null): Person[] {
  if (!current || assignable.some((person) => person.id === current.id)) return assignable;
  return [...assignable, { id: current.id, displayName: `${current.displayName} (no longer assignable)` }];
}

// Shared by the page and its title within one request.
const loadTicket = cache(async (id: string): Promise<TicketDetail | null> => {
  const actor = await pageActor();
  try {
    return await getTicket(await getDb(), actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  }
});

// The status changes a requester may make on their own ticket, when the rules allow them.
const requesterButtons = [
  {
    status: 'closed',
    label: 'Close ticket',
    confirm: 'Close this ticket? Only an agent can reopen it once it is closed.',
    variant: 'secondary',
  },
  { status: 'open', label: 'Reopen ticket' },
] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ticket = await loadTicket((await params).id);
  return { title: ticket ? `${ticket.reference} ${ticket.title}` : 'Not found' };
}

export default async function TicketPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { created } = await searchParams;
  const actor = await pageActor();
  const db = await getDb();
  const ticket = await loadTicket(id);
  if (!ticket) notFound();
  const staff = isStaff(actor);
  // Every panel's data at once: an async panel of its own would be one more round of rendering.
  const [timeline, attachments, assignees, categories, ownAssets, mentionable, sla, cannedReplies] = await Promise.all([
    getTicketTimeline(db, ticket),
    listVisibleAttachments(db, actor, ticket.id),
    staff ? listAssignableUsers(db) : Promise.resolve([]),
    staff ? listTicketCategories(db) : Promise.resolve([]),
    staff ? Promise.resolve(null) : listAssetsAssignedTo(db, actor),
    mentionableIn(db, [ticket.description, ...ticket.comments.map((comment) => comment.body)]),
    staff ? ticketSlaDetail(db, actor, ticket.id) : null,
    // Staff insert canned replies, filled for this ticket (lib/canned-replies).
    staff ? cannedRepliesForTicket(db, actor, ticket.id) : null,
    // What this page shows is seen: the ticket's news mark in the agent's lists goes away.
    markTicketSeen(db, actor, ticket),
  ]);
  const linkableOwnAssets =
    ownAssets?.filter((asset) => !ticket.assets.some((linked) => linked.id === asset.id)) ?? null;
  const requesterMoves = staff ? [] : allowedTransitions(ticket.status, actor.role);
  const versionFields = { ticketId: ticket.id, version: String(ticket.version) };

  return (
    <>
      <BackLink href="/tickets">Tickets</BackLink>
      {created ? (
        <Banner param="created">Ticket {ticket.reference} opened. We will get back to you here.</Banner>
      ) : null}
      <div className={styles.header}>
        <h1>
          <span className="muted">{ticket.reference}</span> {ticket.title}
        </h1>
        <StatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
      </div>
      <div className="grid-2">
        <Panel id="ticket-facts" title="Details">
          <Facts>
            <Fact term="Requester">{ticket.requester.displayName}</Fact>
            <Fact term="Assignee">{ticket.assignee?.displayName ?? 'Unassigned'}</Fact>
            <Fact term="Category">{ticket.category}</Fact>
            <Fact term="Opened">{formatDateTime(ticket.createdAt)}</Fact>
            <Fact term="Updated">{formatDateTime(ticket.updatedAt)}</Fact>
            {ticket.resolvedAt ? <Fact term="Resolved">{formatDateTime(ticket.resolvedAt)}</Fact> : null}
            {ticket.closedAt ? <Fact term="Closed">{formatDateTime(ticket.closedAt)}</Fact> : null}
            {sla ? <SlaFacts sla={sla} /> : null}
          </Facts>
          <div className={styles.actions}>
            {staff && !ticket.assignee ? (
              <ActionButton action={takeTicketAction} fields={versionFields} label="Take it" />
            ) : null}
            {requesterButtons
              .filter((button) => requesterMoves.includes(button.status))
              .map(({ status, ...button }) => (
                <ActionButton key={status} action={setStatusAction} fields={{ ...versionFields, status }} {...button} />
              ))}
          </div>
          <h2>Description</h2>
          {ticket.description ? (
            <Markdown text={ticket.description} mentionable={mentionable} className={styles.markdown} />
          ) : (
            <p className="muted">No description.</p>
          )}
          <AttachmentList ticketId={ticket.id} attachments={attachments.filter((file) => file.commentId === null)} />
        </Panel>
        {staff ? (
          <Panel id="ticket-update" title="Update">
            <UpdateTicketForm
              ticket={{ ...ticket, assigneeId: ticket.assignee?.id ?? null }}
              statuses={[ticket.status, ...allowedTransitions(ticket.status, actor.role)]}
              assignees={assigneeChoices(assignees, ticket.assignee)}
              categories={categories}
            />
          </Panel>
        ) : null}
      </div>
      <Panel id="ticket-assets" title="Linked assets">
        {ticket.assets.length === 0 ? (
          <p className="empty">No assets linked.</p>
        ) : (
          <ul>
            {ticket.assets.map((asset) => (
              <li key={asset.id}>
                <Link href={`/assets/${asset.id}`}>
                  {asset.assetTag} — {asset.name}
                </Link>{' '}
                {staff || ownAssets?.some((own) => own.id === asset.id) ? (
                  <ActionButton
                    action={unlinkAssetAction}
                    fields={{ ticketId: ticket.id, assetId: asset.id }}
                    label="Unlink"
                    confirm={`Unlink ${asset.assetTag} from this ticket?`}
                    variant="secondary"
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {staff || (linkableOwnAssets && linkableOwnAssets.length > 0) ? (
          <LinkAssetForm ticketId={ticket.id} ownAssets={linkableOwnAssets} />
        ) : null}
      </Panel>
      <Panel id="ticket-conversation" title="Conversation and activity">
        <Conversation
          ticketId={ticket.id}
          entries={timeline}
          attachments={attachments}
          mentionable={mentionable}
          articleDrafts={staff ? { requesterId: ticket.requester.id } : undefined}
        />
        <h2>{staff ? 'Reply or add a note' : 'Reply'}</h2>
        {cannedReplies ? <CannedReplyPicker replies={cannedReplies} targetId="comment-body" /> : null}
        <CommentForm ticketId={ticket.id} canWriteInternal={staff} attachmentLimits={attachmentLimits()} />
      </Panel>
    </>
  );
}
