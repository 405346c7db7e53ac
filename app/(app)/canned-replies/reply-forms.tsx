'use client';

import { ActionButton } from '@/app/components/action-button';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { SelectField, TextAreaField } from '@/app/components/form-controls';
import type { CannedReply } from '@/lib/canned-replies/replies';
import { createCannedReplyAction, removeCannedReplyAction, updateCannedReplyAction } from './actions';

const placeholderHint = (names: readonly string[]) =>
  `Placeholders filled on each ticket: ${names.map((name) => `{{${name}}}`).join(', ')}.`;

/** A new canned reply; admins choose whether every agent may use it. */
export function NewCannedReplyForm({ canShare, placeholders }: { canShare: boolean; placeholders: readonly string[] }) {
  return (
    <ActionForm
      action={createCannedReplyAction}
      hidden={canShare ? {} : { shared: 'personal' }}
      submit="Save reply"
      pendingText="Saving…"
    >
      <Field name="title" label="Title" required autoComplete="off" idPrefix="new-reply" />
      <TextAreaField
        name="body"
        label="Reply"
        required
        rows={6}
        idPrefix="new-reply"
        hint={placeholderHint(placeholders)}
      />
      {canShare ? (
        <SelectField
          name="shared"
          label="Who may use it"
          idPrefix="new-reply"
          defaultValue="personal"
          options={[
            { value: 'personal', label: 'Only me' },
            { value: 'shared', label: 'All agents and admins' },
          ]}
        />
      ) : null}
    </ActionForm>
  );
}

/** Edits one reply the viewer may change. */
export function EditCannedReplyForm({ reply, placeholders }: { reply: CannedReply; placeholders: readonly string[] }) {
  return (
    <details>
      <summary>Edit {reply.title}</summary>
      <ActionForm
        action={updateCannedReplyAction}
        hidden={{ id: reply.id, version: reply.version }}
        submit="Save"
        pendingText="Saving…"
      >
        <Field
          name="title"
          label="Title"
          defaultValue={reply.title}
          idPrefix={`reply-${reply.id}`}
          autoComplete="off"
        />
        <TextAreaField
          name="body"
          label="Reply"
          rows={6}
          defaultValue={reply.body}
          idPrefix={`reply-${reply.id}`}
          hint={placeholderHint(placeholders)}
        />
      </ActionForm>
    </details>
  );
}

export function RemoveCannedReplyButton({ reply }: { reply: CannedReply }) {
  return (
    <ActionButton
      action={removeCannedReplyAction}
      fields={{ id: reply.id }}
      label={`Remove ${reply.title}`}
      confirm={`Remove the canned reply “${reply.title}”?`}
      variant="danger"
    />
  );
}
