'use client';

import { useState } from 'react';
import { Field } from '@/app/components/form';
import { FormResultContext, LabelledControl, SelectField, useFormResult } from '@/app/components/form-controls';
import { idleState } from '@/lib/boundary/action-state';
import type { FormCustomField } from '../../assets/custom-field-inputs';

type Props = {
  name: string;
  label: string;
  valueName: string;
  /** Every category's fields, by category. */
  fields: FormCustomField[];
};

function byCategory(fields: FormCustomField[]): [string, FormCustomField[]][] {
  const groups = new Map<string, FormCustomField[]>();
  for (const field of fields) groups.set(field.category, [...(groups.get(field.category) ?? []), field]);
  return [...groups];
}

/** The input a value of `field` takes: a list for yes/no and one-of-a-list, a date picker for dates. */
function ValueInput({ field, name }: { field: FormCustomField; name: string }) {
  const label = `New ${field.name}`;
  const hint = field.required ? 'Required: it cannot be cleared.' : 'Leave it empty to clear the field.';
  if (field.kind === 'yes_no' || field.kind === 'choice') {
    const choices = field.kind === 'yes_no' ? ['yes', 'no'] : field.options;
    return (
      <SelectField
        name={name}
        label={label}
        hint={hint}
        options={[
          { value: '', label: field.required ? 'Choose…' : '— (clear)' },
          ...choices.map((choice) => ({ value: choice, label: choice })),
        ]}
      />
    );
  }
  return (
    <Field
      name={name}
      label={label}
      type={field.kind === 'date' ? 'date' : 'text'}
      autoComplete="off"
      hint={field.kind === 'number' ? `A number, e.g. 16 or 2.5. ${hint}` : hint}
    />
  );
}

/** Which custom field to change (grouped by category) and its new value, in the input its kind needs. */
export function CustomFieldValue({ name, label, valueName, fields }: Props) {
  const kept = useFormResult().values?.[name];
  const [fieldId, setFieldId] = useState(kept && fields.some((field) => field.id === kept) ? kept : fields[0]?.id);
  const chosen = fields.find((field) => field.id === fieldId);
  if (!chosen)
    return <p className="empty">No category has custom fields yet: an admin adds them in Admin → Custom fields.</p>;
  return (
    <>
      <LabelledControl
        field={{ name, label, hint: `A field of ${chosen.category}: assets in other categories are left as they are.` }}
      >
        {({ defaultValue: _kept, ...control }) => (
          <select {...control} value={chosen.id} onChange={(event) => setFieldId(event.target.value)}>
            {byCategory(fields).map(([category, group]) => (
              <optgroup key={category} label={category}>
                {group.map((field) => (
                  <option key={field.id} value={field.id}>
                    {field.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </LabelledControl>
      {chosen.id === kept ? (
        <ValueInput field={chosen} name={valueName} />
      ) : (
        // The last preview's value and its error belong to the field it was for, not to this one.
        <FormResultContext.Provider value={idleState}>
          <ValueInput key={chosen.id} field={chosen} name={valueName} />
        </FormResultContext.Provider>
      )}
    </>
  );
}
