'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import { changePasswordAction } from './actions';

export function PasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        state={state}
        autoComplete="current-password"
        required
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        state={state}
        autoComplete="new-password"
        required
        hint="At least 8 characters, at most 72 bytes. Your other sessions will be signed out."
      />
      <Field
        name="confirmPassword"
        label="New password again"
        type="password"
        state={state}
        autoComplete="new-password"
        required
      />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
