'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import {
  priorityLabels,
  statusLabels,
  ticketCategoryChoices,
  ticketPriorities,
  type TicketPriority,
  type TicketStatus,
} from '@/lib/tickets/rules';
import { AssetPicker } from '@/app/components/pickers';
import { linkAssetAction, updateTicketAction } from '../actions';
import { SelectField, SuggestField, TextAreaField } from '@/app/components/form-controls';

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
  /** The listed ticket categories (listTicketCategories). */
  categories: string[];
};

/** The agent's form: the version read travels along, so a stale save is refused, not applied. */
export function UpdateTicketForm({ ticket, statuses, assignees, categories }: UpdateProps) {
  return (
    <ActionForm
      action={updateTicketAction}
      hidden={{ ticketId: ticket.id, version: ticket.version }}
      submit="Save changes"
      pendingText="Saving…"
    >
      <div className="grid-2">
        <SelectField
          name="status"
          label="Status"
          defaultValue={ticket.status}
          options={statuses.map((status) => ({ value: status, label: statusLabels[status] }))}
        />
        <SelectField
          name="priority"
          label="Priority"
          defaultValue={ticket.priority}
          options={ticketPriorities.map((priority) => ({ value: priority, label: priorityLabels[priority] }))}
        />
        <SelectField
          name="assigneeId"
          label="Assignee"
          defaultValue={ticket.assigneeId ?? ''}
          options={[
            { value: '', label: 'Unassigned' },
            ...assignees.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
        <SuggestField
          name="category"
          label="Category"
          defaultValue={ticket.category}
          suggestions={ticketCategoryChoices(categories)}
          hint="Another spelling of a listed category is saved as listed; a new one joins the list."
        />
      </div>
      <details>
        <summary>Edit title and description</summary>
        <div className="stack">
          <Field name="title" label="Title" defaultValue={ticket.title} required />
          <TextAreaField name="description" label="Description" defaultValue={ticket.description} rows={6} />
        </div>
      </details>
    </ActionForm>
  );
}

/** Agents search all assets; requesters pick one of their own. */
export function LinkAssetForm({
  ticketId,
  ownAssets,
}: {
  ticketId: string;
  ownAssets: { id: string; assetTag: string; name: string }[] | null;
}) {
  return (
    <ActionForm action={linkAssetAction} hidden={{ ticketId }} submit="Link asset" pendingText="Linking…">
      {ownAssets ? (
        <SelectField
          name="asset"
          label="Link one of your assets"
          idPrefix="link"
          options={ownAssets.map((asset) => ({ value: asset.id, label: `${asset.assetTag} — ${asset.name}` }))}
        />
      ) : (
        <AssetPicker name="asset" label="Link an asset" idPrefix="link" />
      )}
    </ActionForm>
  );
}
