'use client';

import { usePathname } from 'next/navigation';
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { SignInHereForm } from '@/app/(auth)/login/sign-in-here-form';
import { Link } from './link';

/**
 * The ways back after a session ended under an open form: signing in here, in a dialog, keeps the
 * page and everything in it; the sign-in page returns here afterwards, where long text waits as a
 * draft (drafts.ts). Shown only after an action, so only in the browser, where the address is at hand.
 */
export function SignInAgain() {
  const here = `${usePathname()}${window.location.search}`;
  const dialog = useRef<HTMLDialogElement>(null);
  const anchor = useRef<HTMLParagraphElement>(null);
  const [signedIn, setSignedIn] = useState<string | null>(null);

  const done = (message: string) => {
    dialog.current?.close();
    setSignedIn(message);
    anchor.current?.closest('form')?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  };

  if (signedIn) return <p ref={anchor}>{signedIn}</p>;
  return (
    <p ref={anchor}>
      <button type="button" className="link" onClick={() => dialog.current?.showModal()}>
        Sign in here
      </button>{' '}
      or <Link href={`/login?next=${encodeURIComponent(here)}`}>go to the sign-in page</Link>
      {/* Outside the form in the document: a form may not hold another. */}
      {createPortal(
        <dialog ref={dialog} aria-labelledby="sign-in-here-title" className="panel sign-in-dialog">
          <h2 id="sign-in-here-title">Sign in to continue</h2>
          <p className="muted">This page stays as it is, with everything you typed.</p>
          <SignInHereForm onSignedIn={done} />
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </dialog>,
        document.body,
      )}
    </p>
  );
}
