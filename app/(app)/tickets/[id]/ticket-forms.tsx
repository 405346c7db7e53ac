'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import {
  categorySuggestions,
  priorityLabels,
  statusLabels,
  ticketPriorities,
  type TicketPriority,
  type TicketStatus,
} from '@/lib/tickets/rules';
import { addCommentAction, linkAssetAction, updateTicketAction } from '../actions';
import { CheckboxField, SelectField, SuggestField, TextAreaField } from '@/app/components/form-controls';

type Person = { id: string; displayName: string };
type EditableTicket = {
  id: string;
  version: number;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  category: string;
  title: string;
  description: string;
};
type UpdateProps = {
  ticket: EditableTicket;
  statuses: TicketStatus[];
  assignees: Person[];
};

/** The agent's form: the version read travels along, so a stale save is refused, not applied. */
export function UpdateTicketForm({ ticket, statuses, assignees }: UpdateProps) {
  const [state, formAction] = useActionState(updateTicketAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="ticketId" value={ticket.id} />
      <input type="hidden" name="version" value={ticket.version} />
      <div className="grid-2">
        <SelectField
          name="status"
          label="Status"
          state={state}
          defaultValue={ticket.status}
          options={statuses.map((status) => ({ value: status, label: statusLabels[status] }))}
        />
        <SelectField
          name="priority"
          label="Priority"
          state={state}
          defaultValue={ticket.priority}
          options={ticketPriorities.map((priority) => ({ value: priority, label: priorityLabels[priority] }))}
        />
        <SelectField
          name="assigneeId"
          label="Assignee"
          state={state}
          defaultValue={ticket.assigneeId ?? ''}
          options={[
            { value: '', label: 'Unassigned' },
            ...assignees.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
        <SuggestField
          name="category"
          label="Category"
          state={state}
          defaultValue={ticket.category}
          suggestions={categorySuggestions}
        />
      </div>
      <details>
        <summary>Edit title and description</summary>
        <div className="stack">
          <Field name="title" label="Title" state={state} defaultValue={ticket.title} required />
          <TextAreaField
            name="description"
            label="Description"
            state={state}
            defaultValue={ticket.description}
            rows={6}
          />
        </div>
      </details>
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}

export function CommentForm({ ticketId, canWriteInternal }: { ticketId: string; canWriteInternal: boolean }) {
  const [state, formAction] = useActionState(addCommentAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="ticketId" value={ticketId} />
      <TextAreaField name="body" label="Comment" state={state} required rows={5} idPrefix="comment" />
      {canWriteInternal ? (
        <CheckboxField
          name="internal"
          label="Internal note"
          state={state}
          hint="Only agents and admins see it."
          idPrefix="comment"
        />
      ) : null}
      <SubmitButton pendingText="Sending…">Add comment</SubmitButton>
    </form>
  );
}

/** Agents type an asset tag; requesters pick one of their own assets. */
export function LinkAssetForm({
  ticketId,
  ownAssets,
}: {
  ticketId: string;
  ownAssets: { id: string; assetTag: string; name: string }[] | null;
}) {
  const [state, formAction] = useActionState(linkAssetAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="ticketId" value={ticketId} />
      {ownAssets ? (
        <SelectField
          name="asset"
          label="Link one of your assets"
          state={state}
          idPrefix="link"
          options={ownAssets.map((asset) => ({ value: asset.id, label: `${asset.assetTag} — ${asset.name}` }))}
        />
      ) : (
        <Field name="asset" label="Link an asset by tag" state={state} autoComplete="off" />
      )}
      <SubmitButton pendingText="Linking…">Link asset</SubmitButton>
    </form>
  );
}
