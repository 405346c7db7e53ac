'use server';

import { signOut } from '@/lib/boundary/sign-in';
import { redirectInApp } from '@/lib/http/redirect-in-app';

/** The sign-out button: a plain form action, so it works with any session state, even an ended one. */
export async function logoutAction(): Promise<void> {
  await signOut();
  // The marker lets the sign-in page confirm it; it carries nothing else.
  await redirectInApp('/login?signedOut=1');
}
