'use client';

import type { MouseEvent, ReactNode, Ref } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/boundary/action-state';
import { useUntilNextAction } from './banner';
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
  pending,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  /** Whether the form is being sent, for a form that sends itself (ActionForm); else the form's status. */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <button type="submit" disabled={busy} className={className}>
      {busy ? (pendingText ?? 'Working…') : children}
    </button>
  );
}

export type FieldLink = { id: string; label: string };

/**
 * The form-level message until the next action: a success is read out politely; an error is an
 * alert that takes the focus (through `summaryRef`) and lists the fields to correct as links to
 * them (by label: each message stands beside its field, said once). `afterError` follows an
 * error's words, e.g. ActionForm's way to sign in again when the session ended.
 */
export function FormMessage({
  state,
  fieldLinks = [],
  summaryRef,
  afterError,
}: {
  state: ActionState;
  fieldLinks?: FieldLink[];
  summaryRef?: Ref<HTMLDivElement>;
  afterError?: ReactNode;
}) {
  const shown = useUntilNextAction(state) && Boolean(state.message);
  return (
    <>
      <div aria-live="polite" role="status">
        {shown && state.status !== 'error' ? <p className="notice success">{state.message}</p> : null}
      </div>
      {shown && state.status === 'error' ? (
        <div role="alert" tabIndex={-1} ref={summaryRef} className="notice error error-summary">
          <p>{state.message}</p>
          {afterError}
          {fieldLinks.length > 0 ? (
            <ul>
              {fieldLinks.map((field) => (
                <li key={field.id}>
                  <a href={`#${field.id}`} onClick={focusField(field.id)}>
                    {field.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

// A link to a field moves the cursor into it (a plain fragment link only scrolls there).
function focusField(id: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };
}
