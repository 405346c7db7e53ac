'use client';

import { useActionState, type FormEvent, type ReactNode } from 'react';
import { idleState, type ActionState } from '@/lib/boundary/action-state';
import { FormMessage, SubmitButton } from './form';
import { FormResultContext } from './form-controls';

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Values sent along unchanged, such as the id and version of what the form changes. */
export function HiddenFields({ fields }: { fields: Record<string, string | number> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** An onSubmit handler that sends the form only once the user has confirmed `question`. */
export function confirmFirst(question: string | undefined) {
  if (!question) return undefined;
  return (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(question)) event.preventDefault();
  };
}

type Props = {
  action: FormAction;
  hidden?: Record<string, string | number>;
  submit: string;
  pendingText: string;
  confirm?: string;
  /** The fields; they read the action's last result (useFormResult) to keep what was typed and show errors. */
  children: ReactNode;
  /** Shown below the submit button. */
  after?: ReactNode;
};

/** A server action's form: its result message first, then the fields, then the submit button. */
export function ActionForm({ action, hidden = {}, submit, pendingText, confirm, children, after }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="stack" noValidate onSubmit={confirmFirst(confirm)}>
      <FormMessage state={state} />
      <HiddenFields fields={hidden} />
      <FormResultContext value={state}>{children}</FormResultContext>
      <SubmitButton pendingText={pendingText}>{submit}</SubmitButton>
      {after}
    </form>
  );
}
