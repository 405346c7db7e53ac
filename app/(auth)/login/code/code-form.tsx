'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { codeAction } from '../actions';

export function CodeForm({ next }: { next: string }) {
  return (
    <ActionForm action={codeAction} hidden={{ next }} submit="Continue" pendingText="Checking…" autoFocus>
      <Field
        name="code"
        label="Code from your authenticator app"
        autoComplete="one-time-code"
        hint="Six digits, or one of your recovery codes."
        required
      />
    </ActionForm>
  );
}
