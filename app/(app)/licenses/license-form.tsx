'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState, type ActionState } from '@/lib/boundary/action-state';
import { createLicenseAction, updateLicenseAction } from './actions';

export type LicenseFormValues = {
  id: string;
  version: number;
  name: string;
  vendor: string | null;
  seats: number;
  expiresAt: string | null;
  notes: string | null;
  used: number;
};

function NotesField({ state, defaultValue }: { state: ActionState; defaultValue?: string }) {
  const error = state.fieldErrors?.notes;
  const value = state.values?.notes ?? defaultValue ?? '';
  return (
    <div className="field">
      <label htmlFor="field-notes">Notes</label>
      <textarea
        id="field-notes"
        name="notes"
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'field-notes-error' : undefined}
      />
      {error ? (
        <span id="field-notes-error" className="error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Create (no `license`) or edit a license. */
export function LicenseForm({ license }: { license?: LicenseFormValues }) {
  const [state, formAction] = useActionState(license ? updateLicenseAction : createLicenseAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      {license ? (
        <>
          <input type="hidden" name="licenseId" value={license.id} />
          <input type="hidden" name="version" value={license.version} />
        </>
      ) : null}
      <Field name="name" label="Name" state={state} required defaultValue={license?.name} autoComplete="off" />
      <Field name="vendor" label="Vendor" state={state} defaultValue={license?.vendor ?? ''} autoComplete="off" />
      <Field
        name="seats"
        label="Seats"
        type="number"
        state={state}
        required
        defaultValue={license ? String(license.seats) : '1'}
        hint={
          license
            ? `${license.used} in use; the total cannot go below that.`
            : 'How many users or assets may hold this license.'
        }
      />
      <Field
        name="expiresAt"
        label="Expires on"
        type="date"
        state={state}
        defaultValue={license?.expiresAt ?? ''}
        hint="Leave empty for a perpetual license."
      />
      <Field
        name="productKey"
        label={license ? 'New product key' : 'Product key'}
        state={state}
        autoComplete="off"
        hint={
          license ? 'Leave empty to keep the current key.' : 'Shown masked; revealing it is recorded in the audit log.'
        }
      />
      <NotesField state={state} defaultValue={license?.notes ?? ''} />
      <SubmitButton pendingText="Saving…">{license ? 'Save changes' : 'Create license'}</SubmitButton>
    </form>
  );
}
