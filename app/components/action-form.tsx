'use client';

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { idleState, type ActionState } from '@/lib/boundary/action-state';
import { clearDraft, draftControls, saveDraft } from './drafts';
import { FormMessage, SubmitButton, type FieldLink } from './form';
import { FormResultContext } from './form-controls';
import { SignInAgain } from './sign-in-again';

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Values sent along unchanged, such as the id and version of what the form changes. */
export function HiddenFields({ fields }: { fields: Record<string, string | number> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

type Props = {
  action: FormAction;
  hidden?: Record<string, string | number>;
  submit: string;
  pendingText: string;
  /** Put the cursor in the first field on opening: for a page whose main content is this form. */
  autoFocus?: boolean;
  /** The fields; they read the action's last result (useFormResult) to keep what was typed and show errors. */
  children: ReactNode;
  /** Shown below the submit button. */
  after?: ReactNode;
};

const firstFieldSelector =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The fields named in `errors`, with their labels, as the error summary's links. */
function fieldLinksOf(form: HTMLFormElement, errors: Record<string, string> = {}): FieldLink[] {
  return Object.keys(errors).flatMap((name) => {
    const control = Array.from(form.elements).find(
      (element): element is HTMLElement =>
        element.getAttribute('name') === name && element instanceof HTMLElement && element.id !== '',
    );
    if (!control) return [];
    const label = form.querySelector(`label[for="${control.id}"]`)?.textContent?.trim() || name;
    return [{ id: control.id, label }];
  });
}

// Next.js ends an action that redirects (a successful send) by navigating; that is no failure.
const isRedirect = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  String((error as { digest?: unknown }).digest).startsWith('NEXT_REDIRECT');

/**
 * A server action's form: its result message first, then the fields, then the submit button.
 * It sends itself without resetting, so a failed send (a wrong field, a session that ended) leaves
 * everything as typed, files included; a successful one empties it (and its drafts).
 */
export function ActionForm({ action, hidden = {}, submit, pendingText, autoFocus, children, after }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [fieldLinks, setFieldLinks] = useState<FieldLink[]>([]);
  // Sent by script, the form goes through a wrapper that keeps the drafts if the send fails; the
  // plain action stays on the form for browsers without JavaScript (the server renders its result).
  const [plainState, plainAction] = useActionState(action, idleState);
  const [scriptedState, scriptedAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    try {
      return await action(previous, formData);
    } catch (error) {
      if (!isRedirect(error) && formRef.current) keepDrafts(formRef.current);
      throw error;
    }
  }, idleState);
  const state = scriptedState === idleState ? plainState : scriptedState;

  useEffect(() => {
    if (autoFocus) formRef.current?.querySelector<HTMLElement>(firstFieldSelector)?.focus();
  }, [autoFocus]);

  useEffect(() => {
    const form = formRef.current;
    if (!form || state.status === 'idle') return;
    if (state.status === 'success') {
      form.reset();
      return;
    }
    keepDrafts(form);
    // Passwords are never echoed: they are typed again, as before the form kept its values.
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
    setFieldLinks(fieldLinksOf(form, state.fieldErrors));
    summaryRef.current?.focus();
  }, [state]);

  const send = (event: FormEvent<HTMLFormElement>) => {
    // A form rendered elsewhere in the document but inside this one in React (a dialog) sends itself.
    if (event.target !== event.currentTarget) return;
    // Held back by a wrapper that asks first (ConfirmBeforeSubmit); it sends the form again once confirmed.
    if (event.defaultPrevented) return;
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    // Taken out now and put back if the send fails: a send that redirects never answers the form.
    for (const { name } of draftControls(form)) clearDraft(name);
    startTransition(() => scriptedAction(formData));
  };

  return (
    <form ref={formRef} action={plainAction} className="stack" noValidate onSubmit={send}>
      <FormMessage
        state={state}
        fieldLinks={fieldLinks}
        summaryRef={summaryRef}
        afterError={state.sessionEnded ? <SignInAgain /> : null}
      />
      <HiddenFields fields={hidden} />
      <FormResultContext value={state}>{children}</FormResultContext>
      <SubmitButton pendingText={pendingText} pending={pending}>
        {submit}
      </SubmitButton>
      {after}
    </form>
  );
}

function keepDrafts(form: HTMLFormElement) {
  for (const { name, control } of draftControls(form)) saveDraft(name, control.value);
}
