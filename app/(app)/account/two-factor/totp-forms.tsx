'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/app/components/action-form';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { FormResultContext } from '@/app/components/form-controls';
import { Link } from '@/app/components/link';
import { idleState } from '@/lib/boundary/action-state';
import { confirmTotpAction, disableTotpAction, startTotpAction, type ConfirmTotpState } from './actions';

export function StartTotpForm({ again }: { again?: boolean }) {
  return (
    <ActionForm
      action={startTotpAction}
      submit={again ? 'Start again with a new code' : 'Set up an authenticator app'}
      pendingText="Preparing…"
    >
      {null}
    </ActionForm>
  );
}

/** The first code turns the app on; the recovery codes then replace the form, shown this once. */
export function ConfirmTotpForm() {
  const [state, formAction, pending] = useActionState<ConfirmTotpState, FormData>(confirmTotpAction, idleState);
  if (state.status === 'success' && state.recoveryCodes) {
    return (
      <div className="stack">
        <p className="notice success" role="status">
          Two-factor sign-in is on.
        </p>
        <h2 id="recovery-title">Recovery codes</h2>
        <p>
          Keep these somewhere safe, away from your phone. Each one signs you in once if you lose the app. They are
          shown only now.
        </p>
        <ul className="recovery-codes" aria-labelledby="recovery-title" data-testid="recovery-codes">
          {state.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/account">I have saved them — back to my account</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <FormResultContext value={state}>
        <Field
          name="code"
          label="Code from the app"
          autoComplete="one-time-code"
          hint="Six digits; a new one every 30 seconds."
          required
        />
      </FormResultContext>
      <SubmitButton pending={pending} pendingText="Checking…">
        Turn on
      </SubmitButton>
    </form>
  );
}

export function DisableTotpForm() {
  return (
    <ActionForm action={disableTotpAction} submit="Turn off two-factor sign-in" pendingText="Turning off…">
      <Field
        name="code"
        label="Current code or recovery code"
        autoComplete="one-time-code"
        hint="Or leave this empty and enter your password."
      />
      <Field name="password" label="Password" type="password" autoComplete="current-password" />
    </ActionForm>
  );
}
