'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { forgotPasswordAction } from './actions';

export function ForgotPasswordForm() {
  return (
    <ActionForm action={forgotPasswordAction} submit="Send me a link" pendingText="Sending…">
      <Field name="identifier" label="Username or email" autoComplete="username" required autoFocus />
    </ActionForm>
  );
}
