'use server';

import { logOut } from '@/lib/auth/session-endings';
import { actorOf, sendSignedOutCookie, signedInSession } from '@/lib/boundary/request';
import { databaseTools } from '@/lib/boundary/transaction';
import { redirectInApp } from '@/lib/http/redirect-in-app';

/** The sign-out button: a plain form action, so it works with any session state, even an ended one. */
export async function logoutAction(): Promise<void> {
  const signedIn = await signedInSession();
  if (signedIn) {
    const actor = await actorOf(signedIn);
    await (await databaseTools()).transaction((tx) => logOut(tx, actor));
  }
  await sendSignedOutCookie();
  await redirectInApp('/login');
}
