'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field, PasswordField } from '@/app/components/form';
import { changeRoleAction, resetPasswordAction, updateDetailsAction } from '../actions';
import { RoleSelect } from '../role-select';

export function ChangeRoleForm({ userId, role, version }: { userId: string; role: string; version: number }) {
  return (
    <ActionForm action={changeRoleAction} hidden={{ userId, version }} submit="Change role" pendingText="Saving…">
      <RoleSelect defaultRole={role} />
    </ActionForm>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  return (
    <ActionForm action={resetPasswordAction} hidden={{ userId }} submit="Reset password" pendingText="Saving…">
      <PasswordField
        name="password"
        label="New password"
        purpose="new"
        hint="All of this user's sessions are signed out."
      />
    </ActionForm>
  );
}

export function DetailsForm({
  user,
}: {
  user: { id: string; displayName: string; email: string | null; version: number };
}) {
  return (
    <ActionForm
      action={updateDetailsAction}
      hidden={{ userId: user.id, version: user.version }}
      submit="Save name and email"
      pendingText="Saving…"
    >
      <Field name="displayName" label="Name" defaultValue={user.displayName} autoComplete="off" required />
      <Field
        name="email"
        label="Email"
        type="email"
        defaultValue={user.email ?? ''}
        autoComplete="off"
        hint="Mail from this address opens tickets as this user; leave it empty for none."
      />
    </ActionForm>
  );
}
