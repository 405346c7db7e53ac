'use client';

import type { ActionState } from '@/lib/boundary/action-state';

// Form controls beside Field (select, textarea, checkbox, input with suggestions), with the same
// label, hint, error and kept-value behaviour; Field itself uses describedBy and Feedback.

type Common = {
  name: string;
  label: string;
  state: ActionState;
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

type SelectProps = Common & { options: { value: string; label: string }[] };

export function SelectField({ name, label, state, defaultValue, hint, options, idPrefix = 'field' }: SelectProps) {
  const id = `${idPrefix}-${name}`;
  const error = state.fieldErrors?.[name];
  const value = state.values?.[name] ?? defaultValue ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  state,
  defaultValue,
  hint,
  required,
  rows = 5,
  idPrefix = 'field',
}: Common & { rows?: number }) {
  const id = `${idPrefix}-${name}`;
  const error = state.fieldErrors?.[name];
  const value = state.values?.[name] ?? defaultValue ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

/** A free-text input offering suggestions (a datalist), e.g. the category. */
export function SuggestField({
  name,
  label,
  state,
  defaultValue,
  hint,
  suggestions,
  idPrefix = 'field',
}: Common & { suggestions: readonly string[] }) {
  const id = `${idPrefix}-${name}`;
  const error = state.fieldErrors?.[name];
  const value = state.values?.[name] ?? defaultValue ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        list={`${id}-suggestions`}
        defaultValue={value}
        key={value}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({ name, label, state, hint, idPrefix = 'field' }: Omit<Common, 'defaultValue'>) {
  const id = `${idPrefix}-${name}`;
  const checked = state.values?.[name] === 'on';
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
