'use client';

import { ActionForm } from '@/app/components/action-form';
import { PasswordField } from '@/app/components/form';
import { changeRoleAction, resetPasswordAction } from '../actions';
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
