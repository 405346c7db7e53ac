'use client';

import { ActionButton } from '@/app/components/action-button';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { CheckboxField, SelectField } from '@/app/components/form-controls';
import { customFieldKindLabels } from '@/lib/custom-fields/values-schema';
import { addCustomFieldAction, removeCustomFieldAction } from './actions';

export function NewFieldForm({ categories }: { categories: { id: string; name: string }[] }) {
  return (
    <ActionForm action={addCustomFieldAction} submit="Add field" pendingText="Adding…">
      <div className="grid-2">
        <SelectField
          name="categoryId"
          label="Category"
          idPrefix="new-field"
          options={[
            { value: '', label: 'Choose…' },
            ...categories.map((category) => ({ value: category.id, label: category.name })),
          ]}
        />
        <Field name="name" label="Field name" idPrefix="new-field" autoComplete="off" hint="e.g. RAM GB, IMEI" />
        <SelectField
          name="kind"
          label="Kind"
          idPrefix="new-field"
          options={Object.entries(customFieldKindLabels).map(([value, label]) => ({ value, label }))}
        />
        <Field
          name="options"
          label="Choices"
          idPrefix="new-field"
          autoComplete="off"
          hint="For “One of a list”: the choices, separated by commas."
        />
      </div>
      <CheckboxField name="required" label="Required" idPrefix="new-field" />
    </ActionForm>
  );
}

export function RemoveFieldButton({ field }: { field: { id: string; name: string; category: string } }) {
  return (
    <ActionButton
      action={removeCustomFieldAction}
      fields={{ id: field.id }}
      label={`Remove ${field.name}`}
      confirm={`Remove “${field.name}” from ${field.category}? Its values leave every asset; each asset's history keeps the value it had.`}
      variant="danger"
    />
  );
}
