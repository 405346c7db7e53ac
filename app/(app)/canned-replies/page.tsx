import type { Metadata } from 'next';
import { DataTable, byId, type Column } from '@/app/components/data-table';
import { Panel } from '@/app/components/panel';
import { isAdmin, staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { placeholderNames } from '@/lib/canned-replies/placeholders';
import { listCannedReplies, type CannedReply } from '@/lib/canned-replies/replies';
import { getDb } from '@/lib/db/client';
import { EditCannedReplyForm, NewCannedReplyForm, RemoveCannedReplyButton } from './reply-forms';

export const metadata: Metadata = { title: 'Canned replies' };

const columns: Column<CannedReply>[] = [
  { key: 'title', header: 'Title', rowHeader: true, cell: (reply) => reply.title },
  {
    key: 'scope',
    header: 'Used by',
    priority: 'secondary',
    cell: (reply) => (reply.shared ? 'All staff' : 'Only you'),
  },
  {
    key: 'edit',
    header: 'Reply',
    cell: (reply) =>
      reply.editable ? (
        <EditCannedReplyForm reply={reply} placeholders={placeholderNames} />
      ) : (
        <span className="muted">{reply.body}</span>
      ),
  },
  {
    key: 'remove',
    header: <span className="skip-link">Remove</span>,
    cell: (reply) => (reply.editable ? <RemoveCannedReplyButton reply={reply} /> : null),
  },
];

/** Staff: the shared replies (kept by admins) and their own, inserted from a ticket's reply box. */
export default async function CannedRepliesPage() {
  const actor = await pageActor(staffRoles);
  const replies = await listCannedReplies(await getDb(), actor);
  return (
    <>
      <h1>Canned replies</h1>
      <p className="muted">
        Texts you insert from a ticket’s reply box, with the placeholders filled for that ticket. Shared replies are
        kept by admins; your own are yours alone.
      </p>
      <Panel id="replies" title="Replies">
        <DataTable
          columns={columns}
          rows={replies}
          rowKey={byId}
          caption="Canned replies"
          hideCaption
          empty="No canned replies yet."
        />
      </Panel>
      <Panel id="new-canned-reply" title="New canned reply">
        <NewCannedReplyForm canShare={isAdmin(actor)} placeholders={placeholderNames} />
      </Panel>
    </>
  );
}
