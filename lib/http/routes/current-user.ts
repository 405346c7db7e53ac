import 'server-only';
import { authenticateApiToken, invalidToken, recentApiToken } from '../../auth/api-token-check';
import { bearerTokenOf, usualAuthorization } from '../../auth/api-token-format';
import { recentSession, resolveSession } from '../../auth/session';
import { serializeSessionCookie } from '../../auth/session-cookie';
import type { SessionUser } from '../../auth/session-types';
import { databaseUnavailable, isDatabaseAvailable } from '../../db/availability';
import { signInFirst } from '../../errors';
import { plainError, plainJson, type PlainReply } from './reply';

// GET /api/auth/me: who is signed in. Clients and scripts poll it, so it answers without waiting
// whenever this process checked the same cookie, or API token, within SESSION_CHECK_CACHE.

const userReply = (user: SessionUser, setCookie?: string): PlainReply =>
  plainJson(
    200,
    { user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } },
    setCookie,
  );

/** The request's Authorization header, and its client address (read only when a token is there). */
export type BearerSource = { authorization: string | null | undefined; ipAddress: () => string };

/** A reply at once when the session (or API token) was checked recently, else a promise of one. */
export function currentUserReply(
  cookieHeader: string | null | undefined,
  protocol: string,
  bearer?: BearerSource,
): PlainReply | Promise<PlainReply> {
  if (!isDatabaseAvailable()) return plainError(databaseUnavailable());
  if (bearer?.authorization) {
    // The usual `Bearer <token>` of a token checked recently is answered before the header is parsed.
    const recent = recentApiToken(bearer.authorization, bearer.ipAddress());
    if (recent) return userReply(recent.user);
    const token = bearerTokenOf(bearer.authorization);
    if (token !== null) return tokenUserReply(token, bearer.ipAddress());
  }
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

// An API token: the same answer for its user; the cookie, if any, is not read.
function tokenUserReply(token: string, ipAddress: string): PlainReply | Promise<PlainReply> {
  if (token === '') return plainError(invalidToken());
  const recent = recentApiToken(usualAuthorization(token), ipAddress);
  if (recent) return userReply(recent.user);
  return authenticateApiToken(token, ipAddress).then(
    (check) => userReply(check.user),
    (error: unknown) => plainError(error),
  );
}
