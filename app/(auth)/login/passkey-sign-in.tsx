'use client';

import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { describePasskeyFailure, postJson } from '@/app/components/passkey-client';
import { rememberMeId } from './login-form';

type Props = { apiBase: string; next: string; origin: string };

/**
 * Sign-in with a passkey alone: the browser offers the passkeys it holds for this site, the server
 * checks the answer against its own challenge and sets the session cookie.
 */
export function PasskeySignIn({ apiBase, next, origin }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const signIn = async (): Promise<void> => {
    setError(null);
    if (!browserSupportsWebAuthn()) {
      setError('This browser cannot use passkeys. Sign in with your password.');
      return;
    }
    setPending(true);
    try {
      const options = await postJson<{ options: PublicKeyCredentialRequestOptionsJSON }>(
        `${apiBase}/auth/passkey/options`,
      );
      if (!options.ok) return setError(options.message);
      const response = await startAuthentication({ optionsJSON: options.body.options });
      const remember = (document.getElementById(rememberMeId) as HTMLInputElement | null)?.checked === true;
      const signedIn = await postJson<{ location: string }>(`${apiBase}/auth/passkey/verify`, {
        response,
        next,
        remember,
      });
      if (!signedIn.ok) return setError(signedIn.message);
      window.location.assign(signedIn.body.location);
    } catch (failure) {
      setError(describePasskeyFailure(failure, origin));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="passkey-sign-in">
      <p className="muted">Or, without a password:</p>
      <button type="button" className="secondary" disabled={pending} onClick={() => void signIn()}>
        {pending ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </button>
      <div role="alert">{error ? <p className="notice error">{error}</p> : null}</div>
    </div>
  );
}
