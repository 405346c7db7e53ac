import 'server-only';
import { cookies, headers } from 'next/headers';
import { logIn, SecondFactorRequired, type LoginResult } from '../auth/login';
import { logInWithPasskey } from '../auth/passkey-login';
import type { AuthenticationAnswer } from '../auth/passkey-schemas';
import { challengeEndedMessage, completeSecondFactorSignIn } from '../auth/second-factor-login';
import {
  clearedChallengeCookie,
  newSessionCookie,
  readSecondFactorChallenge,
  resolveSession,
  secondFactorChallengeCookie,
  signedOutCookie,
} from '../auth/session';
import type { ChallengeCookie, SessionCookie } from '../auth/session-cookie';
import { AppError } from '../errors';
import { logOut } from '../auth/user-sessions';
import type { SessionUser } from '../auth/session-types';
import { actorOf, requestInfo, signedInSession } from './request';
import { databaseTools } from './transaction';

// Signing in and out from a form or a JSON route: the only places the boundary writes the cookie.

async function setCookie({ name, value, options }: SessionCookie | ChallengeCookie): Promise<void> {
  (await cookies()).set(name, value, options);
}

/**
 * Checks the credentials (lib/auth/login.ts), opens a session and sends its cookie. The session the
 * browser held before, live or not, is ended: no planted session id survives a sign-in. An account
 * with a second factor and no code throws SecondFactorRequired (JSON: 401 second_factor_required).
 */
export async function signIn(input: Credentials): Promise<SessionUser> {
  const request = await requestInfo();
  const { claim } = await resolveSession((await headers()).get('cookie'), request.protocol, { database: false });
  return sendSession(await logIn(input, request, claim?.sid));
}

/**
 * The sign-in form: the user, or null when the password was right and a code is owed. Then the
 * browser gets the five-minute challenge cookie (not a session) for the code page.
 */
export async function signInOrChallenge(input: Credentials): Promise<SessionUser | null> {
  try {
    return await signIn(input);
  } catch (error) {
    if (!(error instanceof SecondFactorRequired)) throw error;
    await setCookie(await secondFactorChallengeCookie(error, (await requestInfo()).protocol));
    return null;
  }
}

type Credentials = { username: string; password: string; remember: boolean; code?: string };

/** The code step of a form sign-in: the challenge cookie names the user, the code opens the session. */
export async function signInWithCode(code: string): Promise<SessionUser> {
  const request = await requestInfo();
  const cookieHeader = (await headers()).get('cookie');
  const challenge = await readSecondFactorChallenge(cookieHeader);
  if (!challenge) throw new AppError('unauthenticated', challengeEndedMessage);
  const { claim } = await resolveSession(cookieHeader, request.protocol, { database: false });
  const session = await completeSecondFactorSignIn(challenge, code, request, claim?.sid);
  return sendSession(session);
}

/** Whether this browser is between password and code (the code page shows its form only then). */
export async function hasPendingSignIn(): Promise<boolean> {
  return (await readSecondFactorChallenge((await headers()).get('cookie'))) !== null;
}

async function sendSession(session: LoginResult): Promise<SessionUser> {
  const { protocol } = await requestInfo();
  await setCookie(
    await newSessionCookie(
      { token: session.token, userId: session.user.id, persistent: session.persistent, expiresAt: session.expiresAt },
      protocol,
    ),
  );
  if ((await cookies()).has(clearedChallengeCookie(protocol).name)) await setCookie(clearedChallengeCookie(protocol));
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
export async function signInWithPasskey(input: {
  response: AuthenticationAnswer;
  remember: boolean;
}): Promise<SessionUser> {
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
