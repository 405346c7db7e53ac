'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { defaultCategory, priorityLabels, ticketCategoryChoices, ticketPriorities } from '@/lib/tickets/rules';
import { createTicketAction } from '../actions';
import { AttachmentField, type AttachmentLimits } from '../attachment-field';
import { SelectField, SuggestField, TextAreaField } from '@/app/components/form-controls';
import { UserPicker } from '@/app/components/pickers';

type AssetOption = { id: string; assetTag: string; name: string };

/**
 * Requesters pick one of their assets and a listed category; agents may open the ticket on
 * someone's behalf (left empty: themselves) and add a category by typing it.
 */
export function NewTicketForm({
  assets,
  choosesRequester,
  categories,
  attachmentLimits,
  report,
}: {
  assets: AssetOption[];
  choosesRequester: boolean;
  /** The listed ticket categories (listTicketCategories). */
  categories: string[];
  attachmentLimits: AttachmentLimits;
  /** "Report a problem" on a device: the asset chosen and the category guessed (lib/self-service). */
  report?: { assetId: string; category?: string };
}) {
  const categoryHint = choosesRequester
    ? `Choose a suggestion or type a new one. Left empty: ${defaultCategory}.`
    : `Choose one of the suggestions. Left empty: ${defaultCategory}.`;
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
          suggestions={ticketCategoryChoices(categories)}
          defaultValue={report?.category}
          hint={categoryHint}
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
          label={choosesRequester ? 'Asset' : 'Which of your assets is this about?'}
          defaultValue={report?.assetId}
          options={[
            { value: '', label: 'None' },
            ...assets.map((asset) => ({ value: asset.id, label: `${asset.assetTag} — ${asset.name}` })),
          ]}
        />
      ) : null}
    </ActionForm>
  );
}
