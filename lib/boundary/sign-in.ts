import 'server-only';
import { cookies, headers } from 'next/headers';
import { logIn } from '../auth/login';
import { logInWithPasskey } from '../auth/passkey-login';
import type { AuthenticationAnswer } from '../auth/passkey-schemas';
import { newSessionCookie, resolveSession, signedOutCookie } from '../auth/session';
import type { SessionCookie } from '../auth/session-cookie';
import { logOut } from '../auth/user-sessions';
import type { SessionUser } from '../auth/session-types';
import { actorOf, requestInfo, signedInSession } from './request';
import { databaseTools } from './transaction';

// Signing in and out from a form or a JSON route: the only places the boundary writes the cookie.

async function setCookie({ name, value, options }: SessionCookie): Promise<void> {
  (await cookies()).set(name, value, options);
}

/**
 * Checks the credentials (lib/auth/login.ts), opens a session and sends its cookie. The session the
 * browser held before, live or not, is ended: no planted session id survives a sign-in.
 */
export async function signIn(input: { username: string; password: string; remember: boolean }): Promise<SessionUser> {
  const request = await requestInfo();
  const { claim } = await resolveSession((await headers()).get('cookie'), request.protocol, { database: false });
  const session = await logIn(input, request, claim?.sid);
  await setCookie(
    await newSessionCookie(
      { token: session.token, userId: session.user.id, persistent: session.persistent, expiresAt: session.expiresAt },
      request.protocol,
    ),
  );
  return session.user;
}

/** Sends the cookie that removes ours. */
export async function sendSignedOutCookie(): Promise<void> {
  await setCookie(signedOutCookie((await requestInfo()).protocol));
}

/** Ends this request's session (when it is still live) and clears the cookie, whatever state the session is in. */
export async function signOut(): Promise<void> {
  const signedIn = await signedInSession();
  if (signedIn) {
    const actor = await actorOf(signedIn);
    await (await databaseTools()).transaction((tx) => logOut(tx, actor));
  }
  await sendSignedOutCookie();
}

/**
 * Signs in with a passkey's answer (lib/auth/passkey-login.ts) and sends the session's cookie, ending
 * the session the browser held before, as a password sign-in does.
 */
export async function signInWithPasskey(input: { response: AuthenticationAnswer }): Promise<SessionUser> {
  const request = await requestInfo();
  const { claim } = await resolveSession((await headers()).get('cookie'), request.protocol, { database: false });
  const session = await logInWithPasskey(input, request, claim?.sid);
  await setCookie(
    await newSessionCookie(
      { token: session.token, userId: session.user.id, persistent: session.persistent, expiresAt: session.expiresAt },
      request.protocol,
    ),
  );
  return session.user;
}
