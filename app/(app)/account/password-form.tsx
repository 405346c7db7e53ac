'use client';

import { ActionForm } from '@/app/components/action-form';
import { NewPasswordFields, PasswordField } from '@/app/components/form';
import { changePasswordAction } from './actions';

export function PasswordForm() {
  return (
    <ActionForm action={changePasswordAction} submit="Change password" pendingText="Saving…">
      <PasswordField name="currentPassword" label="Current password" purpose="current" />
      <NewPasswordFields name="newPassword" label="New password" note="Your other sessions will be signed out." />
    </ActionForm>
  );
}
