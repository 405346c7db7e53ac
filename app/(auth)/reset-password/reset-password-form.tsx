'use client';

import { ActionForm } from '@/app/components/action-form';
import { NewPasswordFields } from '@/app/components/form';
import { resetPasswordAction } from './actions';

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={resetPasswordAction} hidden={{ token }} submit="Set password" pendingText="Saving…" autoFocus>
      <NewPasswordFields
        name="password"
        label="New password"
        note="Every session of your account will be signed out."
      />
    </ActionForm>
  );
}
