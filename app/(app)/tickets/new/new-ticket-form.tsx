'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { categorySuggestions, defaultCategory, priorityLabels, ticketPriorities } from '@/lib/tickets/rules';
import { createTicketAction } from '../actions';
import { AttachmentField, type AttachmentLimits } from '../attachment-field';
import { SelectField, SuggestField, TextAreaField } from '@/app/components/form-controls';
import { UserPicker } from '@/app/components/pickers';

type AssetOption = { id: string; assetTag: string; name: string };

/** Requesters pick one of their assets; agents may open the ticket on someone's behalf (left empty: themselves). */
export function NewTicketForm({
  assets,
  choosesRequester,
  attachmentLimits,
}: {
  assets: AssetOption[];
  choosesRequester: boolean;
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
      {choosesRequester ? (
        <UserPicker
          name="requesterId"
          label="Requester (optional)"
          hint="Who the ticket is for, e.g. the person who called. Left empty: you."
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
