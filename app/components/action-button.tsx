'use client';

import { useActionState } from 'react';
import { idleState } from '@/lib/boundary/action-state';
import { HiddenFields, type FormAction } from './action-form';
import { ConfirmBeforeSubmit } from './confirm-before-submit';
import { FormMessage, SubmitButton } from './form';

type Props = {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  /** Asked in the page first, answered with a second button of the same label or Cancel. */
  confirm?: string;
  variant?: 'danger' | 'secondary';
};

/** A one-button form for a server action, with an optional confirmation and its result beside it. */
export function ActionButton({ action, fields, label, confirm, variant }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <ConfirmBeforeSubmit question={confirm} confirmLabel={label} variant={variant}>
      <form action={formAction} className="inline-form">
        <HiddenFields fields={fields} />
        <SubmitButton className={variant}>{label}</SubmitButton>
        <FormMessage state={state} />
      </form>
    </ConfirmBeforeSubmit>
  );
}
