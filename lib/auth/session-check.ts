import 'server-only';
import { getConfig } from '../config';
import { setDatabaseAvailable } from '../db/availability';
import { getDb } from '../db/client';
import { isConnectionFailure } from '../db/errors';
import { AppError } from '../errors';
import { log } from '../log';
import type { UnsealedSession } from './session-cookie';
import { recentlyValidatedSession, validateSession, type ValidSession } from './session-store';

// The one check of "is this request signed in", shared by the data layer (lib/auth/dal.ts) and the
// custom server's own routes (server/direct-routes.ts): the unsealed cookie's session must be live
// in the database (each process trusts a check for at most SESSION_CHECK_CACHE).

export type CurrentSession = ValidSession & { token: string };

const withToken = (valid: ValidSession, unsealed: UnsealedSession): CurrentSession => ({ ...valid, token: unsealed.payload.sid });

/**
 * checkSession's answer, without the token and without waiting, when this process checked the
 * session within SESSION_CHECK_CACHE; undefined otherwise. For the custom server's hot path, where
 * an await, or even a copy of the answer, costs. The answer is the cached check itself: read it only.
 */
export function recentSessionCheck(unsealed: UnsealedSession): Readonly<ValidSession> | null | undefined {
  return recentlyValidatedSession(getConfig(), unsealed.payload.sid, unsealed.payload.uid);
}

export async function checkSession(unsealed: UnsealedSession | null): Promise<CurrentSession | null> {
  if (!unsealed) return null;
  let valid: ValidSession | null;
  try {
    valid = await validateSession(await getDb(), getConfig(), unsealed.payload.sid, unsealed.payload.uid);
  } catch (error) {
    // The first request to find the database gone tells middleware at once, without waiting for the probe.
    if (isConnectionFailure(error) && setDatabaseAvailable(false)) log.error('database.unavailable', { message: (error as Error).message });
    throw error;
  }
  return valid ? withToken(valid, unsealed) : null;
}

export const signInFirst = () => new AppError('unauthenticated', 'Sign in first.');
