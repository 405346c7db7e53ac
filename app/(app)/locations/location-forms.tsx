'use client';

import { ActionButton } from '@/app/components/action-button';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { SelectField, type SelectOption } from '@/app/components/form-controls';
import { createLocationAction, moveLocationAction, removeLocationAction, renameLocationAction } from './actions';

type Place = { id: string; name: string; path: string; version: number };

/** The places a place can be put under: "(top level)" first. */
export function parentOptions(choices: { id: string; path: string }[], except?: Place): SelectOption[] {
  const lowerPath = except?.path.toLowerCase();
  return [
    { value: '', label: '(top level)' },
    ...choices
      .filter(
        (choice) =>
          !lowerPath || (choice.id !== except?.id && !choice.path.toLowerCase().startsWith(`${lowerPath} / `)),
      )
      .map((choice) => ({ value: choice.id, label: choice.path })),
  ];
}

export function NewLocationForm({ choices }: { choices: { id: string; path: string }[] }) {
  return (
    <ActionForm action={createLocationAction} submit="Add place" pendingText="Adding…">
      <div className="grid-2">
        <Field name="name" label="Name" idPrefix="new-place" autoComplete="off" hint="e.g. HQ, 2nd floor, 2.14" />
        <SelectField name="parentId" label="Inside" idPrefix="new-place" options={parentOptions(choices)} />
      </div>
    </ActionForm>
  );
}

export function RenameLocationForm({ place }: { place: Place }) {
  return (
    <ActionForm
      action={renameLocationAction}
      hidden={{ id: place.id, version: place.version }}
      submit="Rename"
      pendingText="Renaming…"
    >
      <Field name="name" label="New name" idPrefix="rename-place" defaultValue={place.name} autoComplete="off" />
    </ActionForm>
  );
}

export function MoveLocationForm({
  place,
  parentId,
  choices,
}: {
  place: Place;
  parentId: string | null;
  choices: { id: string; path: string }[];
}) {
  return (
    <ActionForm
      action={moveLocationAction}
      hidden={{ id: place.id, version: place.version }}
      submit="Move"
      pendingText="Moving…"
    >
      <SelectField
        name="parentId"
        label="Move inside"
        idPrefix="move-place"
        defaultValue={parentId ?? ''}
        options={parentOptions(choices, place)}
      />
    </ActionForm>
  );
}

export function RemoveLocationButton({ place }: { place: Place }) {
  return (
    <ActionButton
      action={removeLocationAction}
      fields={{ id: place.id }}
      label={`Remove ${place.name}`}
      confirm={`Remove “${place.path}”? Only a place with no assets and no places inside can be removed.`}
      variant="danger"
    />
  );
}
