import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getConfig } from '../config';
import { setDatabaseAvailable } from '../db/availability';
import { getDb } from '../db/client';
import { isConnectionFailure } from '../db/errors';
import { log } from '../log';
import type { UserRole } from '../db/schema';
import { AppError } from '../errors';
import { redirectInApp } from '../http/redirect-in-app';
import { requestInfoFromHeaders, type RequestInfo } from '../http/request-info';
import {
  clearedCookieAttributes,
  sealSessionCookie,
  sessionCookieAttributes,
  sessionCookieName,
  unsealSessionCookie,
} from './session-cookie';
import { validateSession, type ValidSession } from './session-store';

// The data-access layer's view of "who is asking". Every page, server action and route handler
// goes through here; middleware only ever made an optimistic guess.

export type CurrentSession = ValidSession & { token: string };

export const getRequestInfo = cache(async (): Promise<RequestInfo> => requestInfoFromHeaders(await headers()));

/** The raw session token from the browser's cookie, when the cookie unseals; not validated. */
export async function readSessionToken(): Promise<string | null> {
  const unsealed = await unsealSessionCookie((await cookies()).get(sessionCookieName)?.value, getConfig().session.secrets);
  return unsealed?.payload.sid ?? null;
}

export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const config = getConfig();
  const unsealed = await unsealSessionCookie((await cookies()).get(sessionCookieName)?.value, config.session.secrets);
  if (!unsealed) return null;
  let valid: ValidSession | null;
  try {
    valid = await validateSession(await getDb(), config, unsealed.payload.sid, unsealed.payload.uid);
  } catch (error) {
    // The first request to find the database gone tells middleware at once, without waiting for the probe.
    if (isConnectionFailure(error) && setDatabaseAvailable(false)) log.error('database.unavailable', { message: (error as Error).message });
    throw error;
  }
  return valid ? { ...valid, token: unsealed.payload.sid } : null;
});

/** For pages and server actions: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentSession> {
  const current = await getCurrentSession();
  if (current) return current;
  const path = (await headers()).get('x-request-path') ?? '/';
  return redirectInApp(`/login?next=${encodeURIComponent(path)}`);
}

/** For pages and server actions: a user holding one of `roles`; anyone else gets "not found". */
export async function requireRole(...roles: UserRole[]): Promise<CurrentSession> {
  const current = await requireUser();
  if (!roles.includes(current.user.role)) notFound();
  return current;
}

/** For server actions and route handlers: refuses a signed-in user without one of `roles`. */
export function authorize(current: CurrentSession, ...roles: UserRole[]): void {
  if (!roles.includes(current.user.role)) throw new AppError('forbidden', 'You do not have permission to do that.');
}

/** For route handlers: the signed-in user, or a 401 AppError. */
export async function authenticate(): Promise<CurrentSession> {
  const current = await getCurrentSession();
  if (!current) throw new AppError('unauthenticated', 'Sign in first.');
  return current;
}

export async function setSessionCookie(session: {
  token: string;
  userId: string;
  persistent: boolean;
  expiresAt: Date;
}): Promise<void> {
  const config = getConfig();
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  const value = await sealSessionCookie({ sid: session.token, uid: session.userId, exp, persistent: session.persistent }, config.session.secrets);
  const { protocol } = await getRequestInfo();
  (await cookies()).set(sessionCookieName, value, sessionCookieAttributes(config, { protocol, persistent: session.persistent, expiresAt: exp }));
}

export async function clearSessionCookie(): Promise<void> {
  const { protocol } = await getRequestInfo();
  (await cookies()).set(sessionCookieName, '', clearedCookieAttributes(getConfig(), protocol));
}
