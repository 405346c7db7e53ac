'use client';

import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/boundary/action-state';
import { LabelledControl, type FieldBase } from './form-controls';

type FieldProps = FieldBase & { type?: string; autoComplete?: string; autoFocus?: boolean };

/** A labelled input whose error, if any, sits beside it and is announced with it. */
export function Field({ type = 'text', autoComplete, autoFocus, ...field }: FieldProps) {
  return (
    <LabelledControl field={field}>
      {(control) => (
        <input {...control} key={control.defaultValue} type={type} autoComplete={autoComplete} autoFocus={autoFocus} />
      )}
    </LabelledControl>
  );
}

/** A required password input; `purpose` tells the browser to offer the saved password or a new one. */
export function PasswordField({ purpose, ...field }: FieldBase & { purpose: 'current' | 'new' }) {
  return <Field {...field} type="password" autoComplete={`${purpose}-password`} required />;
}

// The rule lib/users/schemas.ts enforces, which this client code does not import (it reaches the database schema).
export const passwordRule = 'At least 8 characters, at most 72 bytes.';

/** A new password and the same again (`confirmPassword`); the hint states the rule, then `note`. */
export function NewPasswordFields({ name, label, note }: Omit<FieldBase, 'hint'> & { note?: string }) {
  return (
    <>
      <PasswordField name={name} label={label} purpose="new" hint={`${passwordRule} ${note ?? ''}`.trim()} />
      <PasswordField name="confirmPassword" label={`${label} again`} purpose="new" />
    </>
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
