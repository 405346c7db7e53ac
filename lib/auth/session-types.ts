import type { UserRole } from '../db/schema';

// The shapes the session module hands out. Kept apart so the cache, the store and the module
// that ties them together can share them without importing one another in a circle.

export type SessionUser = { id: string; username: string; displayName: string; email: string | null; role: UserRole };

/** What the cookie carries: ids and times only, never a role or other user data. */
export type SessionClaim = { sid: string; uid: string; iat: number; exp: number; persistent: boolean };

/** A session the database says is live, with its active user, and the token the cookie named. */
export type SignedIn = {
  token: string;
  session: { id: string; persistent: boolean; createdAt: Date; expiresAt: Date };
  user: SessionUser;
};
