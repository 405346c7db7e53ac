'use client';

import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/boundary/action-state';
import { describedBy, Feedback } from './form-controls';

type FieldProps = {
  name: string;
  label: string;
  state: ActionState;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  defaultValue?: string;
  autoFocus?: boolean;
};

/** A labelled input whose error, if any, sits beside it and is announced with it. */
export function Field({
  name,
  label,
  state,
  type = 'text',
  autoComplete,
  required,
  hint,
  defaultValue,
  autoFocus,
}: FieldProps) {
  const error = state.fieldErrors?.[name];
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        autoFocus={autoFocus}
        // React resets forms after an action; the echoed values put back what was typed.
        defaultValue={state.values?.[name] ?? defaultValue}
        key={state.values?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

export function SubmitButton({
  children,
  pendingText,
  className,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? (pendingText ?? 'Working…') : children}
    </button>
  );
}

/** The form-level message, read out by screen readers when it changes. */
export function FormMessage({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" role="status">
      {state.message ? (
        <p className={`notice ${state.status === 'error' ? 'error' : 'success'}`}>{state.message}</p>
      ) : null}
    </div>
  );
}
