'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field, PasswordField } from '@/app/components/form';
import { useFormResult } from '@/app/components/form-controls';
import { loginAction } from './actions';

/** The passkey button reads this box too, so "remember me" means the same whichever way one signs in. */
export const rememberMeId = 'remember-me';

function RememberMe() {
  const checked = useFormResult().values?.remember === 'on';
  return (
    <label className="checkbox">
      <input type="checkbox" id={rememberMeId} name="remember" defaultChecked={checked} /> Remember me on this device
    </label>
  );
}

export function LoginForm({ next }: { next: string }) {
  return (
    <ActionForm action={loginAction} hidden={{ next }} submit="Sign in" pendingText="Signing in…">
      <Field name="username" label="Username" autoComplete="username" required autoFocus />
      <PasswordField name="password" label="Password" purpose="current" />
      <RememberMe />
    </ActionForm>
  );
}
