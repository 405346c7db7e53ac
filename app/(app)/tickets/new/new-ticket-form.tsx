'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { categorySuggestions, defaultCategory, priorityLabels, ticketPriorities } from '@/lib/tickets/rules';
import { createTicketAction } from '../actions';
import { AttachmentField, type AttachmentLimits } from '../attachment-field';
import { SelectField, SuggestField, TextAreaField } from '@/app/components/form-controls';

type AssetOption = { id: string; assetTag: string; name: string };
type UserOption = { id: string; username: string; displayName: string };

/** Requesters pick one of their assets; agents may open the ticket on someone's behalf. */
export function NewTicketForm({
  assets,
  requesters,
  selfId,
  attachmentLimits,
}: {
  assets: AssetOption[];
  requesters: UserOption[] | null;
  selfId: string;
  attachmentLimits: AttachmentLimits;
}) {
  return (
    <ActionForm action={createTicketAction} submit="Open ticket" pendingText="Opening…" autoFocus>
      <Field
        name="title"
        label="Title"
        required
        autoComplete="off"
        hint="A short summary, e.g. “Laptop does not start”."
      />
      <TextAreaField
        name="description"
        label="Description"
        rows={6}
        hint="What happened, since when, what you tried."
        draft="new-ticket:description"
      />
      <AttachmentField limits={attachmentLimits} />
      <div className="grid-2">
        <SuggestField
          name="category"
          label="Category"
          suggestions={categorySuggestions}
          hint={`Left empty: ${defaultCategory}.`}
        />
        <SelectField
          name="priority"
          label="Priority"
          defaultValue="normal"
          options={ticketPriorities.map((priority) => ({ value: priority, label: priorityLabels[priority] }))}
        />
      </div>
      {requesters ? (
        <SelectField
          name="requesterId"
          label="Requester"
          defaultValue={selfId}
          hint="Who the ticket is for, e.g. the person who called."
          options={requesters.map((user) => ({
            value: user.id,
            label: user.id === selfId ? `${user.displayName} (me)` : `${user.displayName} (${user.username})`,
          }))}
        />
      ) : null}
      {assets.length > 0 ? (
        <SelectField
          name="assetId"
          label="Which of your assets is this about?"
          options={[
            { value: '', label: 'None' },
            ...assets.map((asset) => ({ value: asset.id, label: `${asset.assetTag} — ${asset.name}` })),
          ]}
        />
      ) : null}
    </ActionForm>
  );
}
