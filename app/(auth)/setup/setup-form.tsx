'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import { setupAction } from './actions';

export function SetupForm() {
  const [state, formAction] = useActionState(setupAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="username" label="Admin username" state={state} autoComplete="username" required autoFocus />
      <Field
        name="displayName"
        label="Your name"
        state={state}
        autoComplete="name"
        hint="Shown in the app; optional."
      />
      <Field
        name="password"
        label="Password"
        type="password"
        state={state}
        autoComplete="new-password"
        required
        hint="At least 8 characters, at most 72 bytes."
      />
      <Field
        name="confirmPassword"
        label="Password again"
        type="password"
        state={state}
        autoComplete="new-password"
        required
      />
      <SubmitButton pendingText="Creating…">Create admin and sign in</SubmitButton>
    </form>
  );
}
