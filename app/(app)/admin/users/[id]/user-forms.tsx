'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import { changeRoleAction, resetPasswordAction } from '../actions';
import { RoleSelect } from '../role-select';

export function ChangeRoleForm({ userId, role, version }: { userId: string; role: string; version: number }) {
  const [state, formAction] = useActionState(changeRoleAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <RoleSelect state={state} defaultRole={role} />
      <SubmitButton pendingText="Saving…">Change role</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <Field
        name="password"
        label="New password"
        type="password"
        state={state}
        autoComplete="new-password"
        required
        hint="All of this user's sessions are signed out."
      />
      <SubmitButton pendingText="Saving…">Reset password</SubmitButton>
    </form>
  );
}
