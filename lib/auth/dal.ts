import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getConfig } from '../config';
import type { UserRole } from '../db/schema';
import { AppError } from '../errors';
import { redirectInApp } from '../http/redirect-in-app';
import { requestInfoFromHeaders, type RequestInfo } from '../http/request-info';
import { checkSession, signInFirst, type CurrentSession } from './session-check';
import {
  clearedCookieAttributes,
  sealSessionCookie,
  sessionCookieAttributes,
  sessionCookieName,
  unsealSessionCookieHeader,
} from './session-cookie';

// The data-access layer's view of "who is asking". Every page, server action and route handler
// goes through here; middleware only ever made an optimistic guess.

export type { CurrentSession };

export const getRequestInfo = cache(async (): Promise<RequestInfo> => requestInfoFromHeaders(await headers()));

const unsealRequestCookie = cache(async () => unsealSessionCookieHeader((await headers()).get('cookie'), getConfig().session.secrets));

/** The raw session token from the browser's cookie, when the cookie unseals; not validated. */
export async function readSessionToken(): Promise<string | null> {
  return (await unsealRequestCookie())?.payload.sid ?? null;
}

export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => checkSession(await unsealRequestCookie()));

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
  if (!current) throw signInFirst();
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
