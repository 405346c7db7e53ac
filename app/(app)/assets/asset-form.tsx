'use client';

import { useState, type FormEvent } from 'react';
import { ActionForm, type FormAction } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { SelectField, SuggestField, TextAreaField } from '@/app/components/form-controls';
import type { CatalogSuggestions } from '@/lib/catalog/spellings';
import { assetCategorySuggestions, assetStatusLabels } from '@/lib/assets/labels';
import { CustomFieldInputs, type FormCustomField } from './custom-field-inputs';

export type AssetFormValues = Record<string, string>;

type Props = {
  action: FormAction;
  initial: AssetFormValues;
  hidden?: Record<string, string>;
  submitLabel: string;
  /** A checked-out asset's status changes only by checking it in. */
  statusLocked?: boolean;
  /** The managed lists' values (listCatalogSuggestions), offered as the fields are typed. */
  suggestions: CatalogSuggestions;
  /** Every place, by path, for the location field. */
  places: { id: string; path: string }[];
  /** Every category's custom fields; those of the category in the form are shown. */
  customFields: FormCustomField[];
};

const listHint = 'Choose a suggestion; another spelling of a listed value is saved as listed.';

/** The listed categories, then the usual ones the list does not have yet (in any letter case). */
function categoryChoices(listed: readonly string[]): string[] {
  const known = new Set(listed.map((name) => name.toLowerCase()));
  return [...listed, ...assetCategorySuggestions.filter((name) => !known.has(name.toLowerCase()))];
}

/** The create and edit form of an asset; keeps what was typed when saving fails. */
export function AssetForm({
  action,
  initial,
  hidden,
  submitLabel,
  statusLocked,
  suggestions,
  places,
  customFields,
}: Props) {
  const [category, setCategory] = useState(initial.category ?? '');
  // The category field is typed into (with suggestions): its fields follow what it says now.
  const followCategory = (event: FormEvent<HTMLDivElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'category') setCategory(target.value);
  };
  const categoryFields = customFields.filter((field) => field.category.toLowerCase() === category.trim().toLowerCase());
  const statusOptions = Object.entries(assetStatusLabels).map(([status, label]) => ({
    value: status,
    label,
    disabled: status === 'deployed' && !statusLocked,
  }));
  return (
    <ActionForm action={action} hidden={hidden} submit={submitLabel} pendingText="Saving…" autoFocus>
      <div className="grid-2" onInput={followCategory}>
        <Field name="assetTag" label="Asset tag" defaultValue={initial.assetTag} required autoComplete="off" />
        <Field name="name" label="Name" defaultValue={initial.name} required autoComplete="off" />
        <SuggestField
          name="category"
          label="Category"
          defaultValue={initial.category}
          suggestions={categoryChoices(suggestions.category)}
          hint={listHint}
        />
        <SelectField
          name="status"
          label="Status"
          defaultValue={initial.status || 'in_stock'}
          options={statusOptions}
          disabled={statusLocked}
          hint={statusLocked ? 'Checked out: check it in to change the status.' : undefined}
        />
        <SuggestField
          name="manufacturer"
          label="Manufacturer"
          defaultValue={initial.manufacturer}
          suggestions={suggestions.manufacturer}
        />
        <SuggestField name="model" label="Model" defaultValue={initial.model} suggestions={suggestions.model} />
        <Field name="serial" label="Serial" defaultValue={initial.serial} autoComplete="off" />
        <SelectField
          name="locationId"
          label="Location"
          defaultValue={initial.locationId ?? ''}
          options={[{ value: '', label: '(none)' }, ...places.map((place) => ({ value: place.id, label: place.path }))]}
        />
        <Field name="purchaseDate" label="Purchase date" type="date" defaultValue={initial.purchaseDate} />
        <Field name="purchaseCost" label="Purchase cost" defaultValue={initial.purchaseCost} hint="e.g. 1299.00" />
        <Field name="warrantyEnd" label="Warranty end" type="date" defaultValue={initial.warrantyEnd} />
      </div>
      <CustomFieldInputs fields={categoryFields} initial={initial} />
      <TextAreaField name="notes" label="Notes" defaultValue={initial.notes} rows={3} />
    </ActionForm>
  );
}
