'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import { loginAction } from './actions';

export function LoginForm({ next }: { next: string }) {
  const [state, formAction] = useActionState(loginAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field name="username" label="Username" state={state} autoComplete="username" required autoFocus />
      <Field name="password" label="Password" type="password" state={state} autoComplete="current-password" required />
      <label className="checkbox">
        <input type="checkbox" name="remember" defaultChecked={state.values?.remember === 'on'} /> Remember me on this
        device
      </label>
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
