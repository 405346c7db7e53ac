'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field, PasswordField, passwordRule } from '@/app/components/form';
import { createUserAction } from './actions';
import { RoleSelect } from './role-select';

export function CreateUserForm() {
  return (
    <ActionForm action={createUserAction} submit="Create user" pendingText="Creating…">
      <Field name="username" label="Username" autoComplete="off" required />
      <Field name="displayName" label="Name" autoComplete="off" />
      <Field name="email" label="Email" type="email" autoComplete="off" />
      <RoleSelect defaultRole="requester" />
      <PasswordField
        name="password"
        label="Initial password"
        purpose="new"
        hint={`${passwordRule} Give it to the user through a safe channel.`}
      />
    </ActionForm>
  );
}
