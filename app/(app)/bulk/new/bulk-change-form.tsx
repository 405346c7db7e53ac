'use client';

import { ActionForm } from '@/app/components/action-form';
import { SelectField, TextAreaField } from '@/app/components/form-controls';
import { UserPicker } from '@/app/components/pickers';
import type { BulkField } from '@/lib/bulk/action';
import type { FormCustomField } from '../../assets/custom-field-inputs';
import { previewBulkChangeAction } from '../actions';
import { CustomFieldValue } from './custom-field-value';

type Props = {
  fields: BulkField[];
  hidden: Record<string, string>;
  /** The agents a ticket can be assigned to, for an 'agent' field. */
  agents: { value: string; label: string }[];
  /** The places an asset can be moved to, for a 'location' field. */
  places: { value: string; label: string }[];
  /** Every category's custom fields, for a 'customField' field. */
  customFields: FormCustomField[];
};

type Choices = Pick<Props, 'agents' | 'places' | 'customFields'>;

function FieldOf({ field, agents, places, customFields }: { field: BulkField } & Choices) {
  switch (field.kind) {
    case 'select':
      return <SelectField name={field.name} label={field.label} options={field.options} />;
    case 'agent':
      return (
        <SelectField name={field.name} label={field.label} options={[{ value: '', label: 'Choose…' }, ...agents]} />
      );
    case 'user':
      return <UserPicker name={field.name} label={field.label} />;
    case 'location':
      return (
        <SelectField name={field.name} label={field.label} options={[{ value: '', label: 'No place' }, ...places]} />
      );
    case 'text':
      return <TextAreaField name={field.name} label={field.label} rows={4} />;
    case 'customField':
      return (
        <CustomFieldValue name={field.name} label={field.label} valueName={field.valueName} fields={customFields} />
      );
  }
}

/** The change's details; sending it makes the preview (nothing changes before "Apply" there). */
export function BulkChangeForm({ fields, hidden, ...choices }: Props) {
  return (
    <ActionForm action={previewBulkChangeAction} hidden={hidden} submit="Preview" pendingText="Checking each item…">
      {fields.map((field) => (
        <FieldOf key={field.name} field={field} {...choices} />
      ))}
    </ActionForm>
  );
}
