'use client';

import { Field } from '@/app/components/form';
import { SelectField } from '@/app/components/form-controls';
import type { CustomFieldDefinition } from '@/lib/custom-fields/values-schema';

export type FormCustomField = CustomFieldDefinition & { category: string };

/** The custom fields of one category, named "customFields.<id>" (gathered by fromAssetForm). */
export function CustomFieldInputs({ fields, initial }: { fields: FormCustomField[]; initial: Record<string, string> }) {
  if (fields.length === 0) return null;
  return (
    <fieldset className="grid-2">
      <legend>{fields[0].category} fields</legend>
      {fields.map((field) => {
        const name = `customFields.${field.id}`;
        const common = { name, label: field.name, defaultValue: initial[name] ?? '', required: field.required };
        if (field.kind === 'yes_no' || field.kind === 'choice') {
          const choices = field.kind === 'yes_no' ? ['yes', 'no'] : field.options;
          return (
            <SelectField
              key={field.id}
              {...common}
              options={[{ value: '', label: '—' }, ...choices.map((choice) => ({ value: choice, label: choice }))]}
            />
          );
        }
        return (
          <Field
            key={field.id}
            {...common}
            type={field.kind === 'date' ? 'date' : 'text'}
            autoComplete="off"
            hint={field.kind === 'number' ? 'A number, e.g. 16 or 2.5' : undefined}
          />
        );
      })}
    </fieldset>
  );
}
