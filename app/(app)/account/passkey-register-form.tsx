'use client';

import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { FormResultContext } from '@/app/components/form-controls';
import { describePasskeyFailure, postJson } from '@/app/components/passkey-client';
import { idleState, type ActionState } from '@/lib/boundary/action-state';

type Props = { apiBase: string; origin: string };

/** Names a new passkey, lets the browser make it, and stores it (POST /api/account/passkeys). */
export function PasskeyRegisterForm({ apiBase, origin }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<ActionState>(idleState);
  const [pending, setPending] = useState(false);

  const register = async (name: string): Promise<ActionState> => {
    if (!browserSupportsWebAuthn()) return { status: 'error', message: 'This browser cannot make passkeys.' };
    if (name.trim() === '')
      return {
        status: 'error',
        message: 'Give the passkey a name.',
        fieldErrors: { passkeyName: 'Give the passkey a name, such as "Work laptop".' },
      };
    const options = await postJson<{ options: PublicKeyCredentialCreationOptionsJSON }>(
      `${apiBase}/account/passkeys/options`,
    );
    if (!options.ok) return { status: 'error', message: options.message };
    const response = await startRegistration({ optionsJSON: options.body.options });
    const stored = await postJson<{ passkey: { name: string } }>(`${apiBase}/account/passkeys`, { name, response });
    if (!stored.ok) {
      const nameError = stored.fields?.name;
      return {
        status: 'error',
        message: stored.message,
        fieldErrors: nameError ? { passkeyName: nameError } : undefined,
        values: { passkeyName: name },
      };
    }
    return { status: 'success', message: `Passkey "${stored.body.passkey.name}" added.` };
  };

  const send = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const entered = new FormData(event.currentTarget).get('passkeyName');
    const name = typeof entered === 'string' ? entered : '';
    setPending(true);
    try {
      const result = await register(name);
      setState(result);
      if (result.status === 'success') {
        form.current?.reset();
        router.refresh();
      }
    } catch (failure) {
      setState({ status: 'error', message: describePasskeyFailure(failure, origin), values: { passkeyName: name } });
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={form} className="stack" noValidate onSubmit={(event) => void send(event)}>
      <FormMessage state={state} />
      <FormResultContext value={state}>
        <Field
          name="passkeyName"
          label="Name of the new passkey"
          hint="So you can tell your passkeys apart, e.g. Work laptop or Phone."
          required
          idPrefix="passkey"
        />
      </FormResultContext>
      <SubmitButton pending={pending} pendingText="Waiting for your authenticator…">
        Add a passkey
      </SubmitButton>
    </form>
  );
}
