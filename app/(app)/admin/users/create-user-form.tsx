'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import { createUserAction } from './actions';
import { RoleSelect } from './role-select';

export function CreateUserForm() {
  const [state, formAction] = useActionState(createUserAction, idleState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="username" label="Username" state={state} autoComplete="off" required />
      <Field name="displayName" label="Name" state={state} autoComplete="off" />
      <Field name="email" label="Email" type="email" state={state} autoComplete="off" />
      <RoleSelect state={state} defaultRole="requester" />
      <Field
        name="password"
        label="Initial password"
        type="password"
        state={state}
        autoComplete="new-password"
        required
        hint="At least 8 characters, at most 72 bytes. Give it to the user through a safe channel."
      />
      <SubmitButton pendingText="Creating…">Create user</SubmitButton>
    </form>
  );
}
