'use client';

import { ActionButton } from '@/app/components/action-button';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { addCatalogValueAction, removeCatalogValueAction, renameCatalogValueAction } from './actions';

type Entry = { id: string; name: string; uses: number };

/** A new value for the list `kind`; `one` names a value of it ("category"). */
export function AddValueForm({ kind, one }: { kind: string; one: string }) {
  return (
    <ActionForm action={addCatalogValueAction} hidden={{ kind }} submit={`Add ${one}`} pendingText="Adding…">
      <Field name="name" label={`New ${one}`} idPrefix={`add-${kind}`} autoComplete="off" />
    </ActionForm>
  );
}

/** Renames one value, on every asset or ticket using it too. */
export function RenameValueForm({ entry }: { entry: Entry }) {
  return (
    <details>
      <summary>Rename {entry.name}</summary>
      <ActionForm action={renameCatalogValueAction} hidden={{ id: entry.id }} submit="Rename" pendingText="Renaming…">
        <Field
          name="name"
          label={`New name for ${entry.name}`}
          defaultValue={entry.name}
          idPrefix={`rename-${entry.id}`}
          autoComplete="off"
        />
      </ActionForm>
    </details>
  );
}

/** Removes a value nothing uses; one in use says why it stays. */
export function RemoveValueButton({ entry }: { entry: Entry }) {
  if (entry.uses > 0) return <span className="muted">In use</span>;
  return (
    <ActionButton
      action={removeCatalogValueAction}
      fields={{ id: entry.id }}
      label={`Remove ${entry.name}`}
      variant="danger"
    />
  );
}
