'use client';

import { usePathname } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage, PasswordField, SubmitButton } from '@/app/components/form';
import { FormResultContext } from '@/app/components/form-controls';
import { idleState, type ActionState } from '@/lib/boundary/action-state';

// What POST /api/auth/login answers (README, JSON API).
type LoginAnswer =
  { user: { displayName: string } } | { error: { code: string; message: string; fields?: Record<string, string> } };

/** The app's base path, read off the address: the page's path there ends with the route's path. */
function useBasePath(): string {
  const route = usePathname();
  const full = window.location.pathname.replace(/\/$/, '');
  return route === '/' ? full : full.slice(0, full.length - route.length);
}

/**
 * The sign-in form of the dialog over a form whose session ended (app/components/sign-in-again.tsx).
 * It signs in through the JSON route, not a server action: an action that sets the cookie makes
 * Next.js render the page again in that same request, still without a session, which would send
 * the browser to the sign-in page and lose the form it came to save.
 */
export function SignInHereForm({ onSignedIn }: { onSignedIn: (message: string) => void }) {
  const loginUrl = `${useBasePath()}/api/auth/login`;
  const [state, setState] = useState<ActionState>(idleState);
  const [pending, setPending] = useState(false);
  // Shown once the server says this account needs its second factor.
  const [askCode, setAskCode] = useState(false);

  const send = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    try {
      const response = await fetch(loginUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: form.get('username'),
          password: form.get('password'),
          ...(askCode ? { code: form.get('code') } : {}),
        }),
      });
      const body = (await response.json()) as LoginAnswer;
      if ('user' in body) onSignedIn(`Signed in as ${body.user.displayName}. Send the form again.`);
      else {
        if (body.error.code === 'second_factor_required') setAskCode(true);
        setState({ status: 'error', message: body.error.message, fieldErrors: body.error.fields });
      }
    } catch {
      setState({ status: 'error', message: 'The server could not be reached. Try again in a moment.' });
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="stack" noValidate onSubmit={(event) => void send(event)}>
      <FormMessage state={state} />
      <FormResultContext value={state}>
        <Field name="username" label="Username" autoComplete="username" required autoFocus idPrefix="sign-in-here" />
        <PasswordField name="password" label="Password" purpose="current" idPrefix="sign-in-here" />
        {askCode ? (
          <Field
            name="code"
            label="Code from your authenticator app"
            autoComplete="one-time-code"
            required
            idPrefix="sign-in-here"
          />
        ) : null}
      </FormResultContext>
      <SubmitButton pending={pending} pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
