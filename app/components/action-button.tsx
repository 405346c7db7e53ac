'use client';

import { useActionState } from 'react';
import { idleState, type ActionState } from '@/lib/boundary/action-state';
import { FormMessage, SubmitButton } from './form';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  variant?: 'danger' | 'secondary';
};

/** A one-button form for a server action, with an optional confirmation and its result beside it. */
export function ActionButton({ action, fields, label, confirm, variant }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form
      action={formAction}
      className="inline-form"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={variant}>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
