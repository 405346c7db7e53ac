'use client';

import { ActionButton } from '@/app/components/action-button';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { SelectField } from '@/app/components/form-controls';
import type { SavedView } from '@/lib/saved-views/views';
import { removeViewAction, renameViewAction, saveViewAction } from './actions';

/**
 * "Save this view" under a list's filters: the list's current query (filters and sort) by a name;
 * agents and admins may share it with each other.
 */
export function SaveViewForm({
  list,
  query,
  canShare,
}: {
  list: 'tickets' | 'assets';
  query: string;
  canShare: boolean;
}) {
  return (
    <details className="save-view">
      <summary>Save this view</summary>
      <ActionForm action={saveViewAction} hidden={{ list, query }} submit="Save view" pendingText="Saving…">
        <Field name="name" label="View name" required autoComplete="off" idPrefix={`save-view-${list}`} />
        {canShare ? (
          <SelectField
            name="shared"
            label="Who sees it"
            idPrefix={`save-view-${list}`}
            defaultValue="personal"
            options={[
              { value: 'personal', label: 'Only me' },
              { value: 'shared', label: 'All agents and admins' },
            ]}
          />
        ) : null}
      </ActionForm>
    </details>
  );
}

export function RenameViewForm({ view }: { view: SavedView }) {
  return (
    <details>
      <summary>Rename {view.name}</summary>
      <ActionForm
        action={renameViewAction}
        hidden={{ id: view.id, version: view.version }}
        submit="Rename"
        pendingText="Renaming…"
      >
        <Field
          name="name"
          label={`New name for ${view.name}`}
          defaultValue={view.name}
          idPrefix={`rename-view-${view.id}`}
          autoComplete="off"
        />
      </ActionForm>
    </details>
  );
}

export function RemoveViewButton({ view }: { view: SavedView }) {
  return (
    <ActionButton
      action={removeViewAction}
      fields={{ id: view.id }}
      label={`Remove ${view.name}`}
      confirm={`Remove the view “${view.name}”?`}
      variant="danger"
    />
  );
}
