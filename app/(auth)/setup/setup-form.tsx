'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field, NewPasswordFields } from '@/app/components/form';
import { setupAction } from './actions';

export function SetupForm() {
  return (
    <ActionForm action={setupAction} submit="Create admin and sign in" pendingText="Creating…">
      <Field name="username" label="Admin username" autoComplete="username" required autoFocus />
      <Field name="displayName" label="Your name" autoComplete="name" hint="Shown in the app; optional." />
      <NewPasswordFields name="password" label="Password" />
    </ActionForm>
  );
}
