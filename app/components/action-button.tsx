'use client';

import { useActionState } from 'react';
import { idleState } from '@/lib/boundary/action-state';
import { confirmFirst, HiddenFields, type FormAction } from './action-form';
import { FormMessage, SubmitButton } from './form';

type Props = {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  variant?: 'danger' | 'secondary';
};

/** A one-button form for a server action, with an optional confirmation and its result beside it. */
export function ActionButton({ action, fields, label, confirm, variant }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="inline-form" onSubmit={confirmFirst(confirm)}>
      <HiddenFields fields={fields} />
      <SubmitButton className={variant}>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
