import 'server-only';
import { recentSession, resolveSession } from '../../auth/session';
import { serializeSessionCookie } from '../../auth/session-cookie';
import type { SessionUser } from '../../auth/session-types';
import { databaseUnavailable, isDatabaseAvailable } from '../../db/availability';
import { signInFirst } from '../../errors';
import { plainError, plainJson, type PlainReply } from './reply';

// GET /api/auth/me: who is signed in. Clients and scripts poll it, so it answers without waiting
// whenever this process checked the same cookie within SESSION_CHECK_CACHE.

const userReply = (user: SessionUser, setCookie?: string): PlainReply =>
  plainJson(
    200,
    { user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } },
    setCookie,
  );

/** A reply at once when the session was checked recently, else a promise of one. */
export function currentUserReply(
  cookieHeader: string | null | undefined,
  protocol: string,
): PlainReply | Promise<PlainReply> {
  if (!isDatabaseAvailable()) return plainError(databaseUnavailable());
  const recent = recentSession(cookieHeader);
  if (recent) return userReply(recent.user);
  return resolveSession(cookieHeader, protocol).then(
    ({ signedIn, cookie }) => {
      // A cookie that is not ours, or no longer valid, is cleared; an old secret's seal is renewed.
      const setCookie = cookie ? serializeSessionCookie(cookie) : undefined;
      return signedIn ? userReply(signedIn.user, setCookie) : plainError(signInFirst(), setCookie);
    },
    (error: unknown) => plainError(error),
  );
}
