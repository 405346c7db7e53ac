'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { idleState, type ActionState } from '@/lib/boundary/action-state';
import { DraftTextArea } from './draft-text-area';

// Form controls beside Field (select, textarea, checkbox, input with suggestions), with the same
// label, hint, error and kept-value behaviour; Field itself is drawn by LabelledControl too.

/** The last result of the enclosing ActionForm's action: the errors to show and the values to keep. */
export const FormResultContext = createContext<ActionState>(idleState);

export function useFormResult(): ActionState {
  return useContext(FormResultContext);
}

export type FieldBase = {
  name: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  idPrefix?: string;
};

export function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function Feedback({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      ) : null}
    </>
  );
}

type ControlAttributes = {
  id: string;
  name: string;
  defaultValue: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
};

/**
 * A label, the control `children` draws from the attributes given (id, name, kept value, and the
 * error and hint tied to it), then the hint and error. The control should use the kept value as
 * its key, so a value echoed back after an action replaces what React reset.
 */
export function LabelledControl({
  field,
  children,
}: {
  field: FieldBase;
  children: (control: ControlAttributes) => ReactNode;
}) {
  const { name, label, defaultValue, hint, required, idPrefix = 'field' } = field;
  const state = useFormResult();
  const id = `${idPrefix}-${name}`;
  const error = state.fieldErrors?.[name];
  // React resets forms after an action; the echoed values put back what was typed.
  const value = state.values?.[name] ?? defaultValue ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        defaultValue: value,
        required,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(id, hint, error),
      })}
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

export type SelectOption = { value: string; label: string; disabled?: boolean };

export function SelectField({
  options,
  disabled,
  ...field
}: FieldBase & { options: readonly SelectOption[]; disabled?: boolean }) {
  return (
    <LabelledControl field={field}>
      {(control) => (
        <select {...control} key={control.defaultValue} disabled={disabled}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  );
}

/**
 * A multi-line text field. With `draft` (a name unique to the form and its record, e.g.
 * `reply:<ticket id>`), what is typed is kept in this browser until the form is sent (drafts.ts).
 */
export function TextAreaField({ rows = 5, draft, ...field }: FieldBase & { rows?: number; draft?: string }) {
  return (
    <LabelledControl field={field}>
      {(control) =>
        draft ? (
          <DraftTextArea {...control} key={control.defaultValue} rows={rows} draft={draft} />
        ) : (
          <textarea {...control} key={control.defaultValue} rows={rows} />
        )
      }
    </LabelledControl>
  );
}

/** A free-text input offering suggestions (a datalist), e.g. the category. */
export function SuggestField({ suggestions, ...field }: FieldBase & { suggestions: readonly string[] }) {
  return (
    <LabelledControl field={field}>
      {(control) => (
        <>
          <input {...control} key={control.defaultValue} list={`${control.id}-suggestions`} autoComplete="off" />
          <datalist id={`${control.id}-suggestions`}>
            {suggestions.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        </>
      )}
    </LabelledControl>
  );
}

export function CheckboxField({ name, label, hint, idPrefix = 'field' }: Omit<FieldBase, 'defaultValue'>) {
  const id = `${idPrefix}-${name}`;
  const checked = useFormResult().values?.[name] === 'on';
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={checked}
        key={String(checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint muted">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
