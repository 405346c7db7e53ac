import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AppConfig } from '../config';
import { sha256 } from '../crypto/sha256';
import type { Executor } from '../db/client';
import { sessions, users } from '../db/schema';
import { sessionUserColumns } from '../users/queries';
import { forgetSessionChecks, sharedSessionUser } from './session-cache';
import type { SignedIn } from './session-types';

// The sessions table: open, check, end and list sessions. Only lib/auth/session.ts checks a
// request's session (through its memory of recent checks); this module is the database side.

// last_seen_at is written at most this often per session, so reads stay reads.
const lastSeenWriteIntervalMs = 60_000;

export function newSessionToken(): string {
  return randomBytes(16).toString('base64url'); // 128 random bits
}

export function hashSessionToken(token: string): string {
  return sha256(token, 'hex');
}

export async function createSession(
  executor: Executor,
  config: AppConfig,
  input: { userId: string; persistent: boolean; ipAddress: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newSessionToken();
  const now = Date.now();
  const expiresAt = new Date(now + config.session.ttlSeconds * 1000);
  const [row] = await executor
    .insert(sessions)
    .values({
      tokenHash: hashSessionToken(token),
      userId: input.userId,
      persistent: input.persistent,
      expiresAt,
      // "Remember me" sessions end at their absolute expiry; the others also end when left idle.
      idleExpiresAt: input.persistent ? null : new Date(now + config.session.idleTimeoutSeconds * 1000),
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    })
    .returning({ id: sessions.id });
  return { token, sessionId: row.id, expiresAt };
}

/** The authority on "is this request signed in": the row exists, is live, and its user is active. */
export async function findLiveSession(
  executor: Executor,
  config: AppConfig,
  token: string,
  expectedUserId: string,
): Promise<SignedIn | null> {
  const [row] = await executor
    .select({
      id: sessions.id,
      userId: sessions.userId,
      persistent: sessions.persistent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: sessionUserColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashSessionToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        or(isNull(sessions.idleExpiresAt), gt(sessions.idleExpiresAt, sql`now()`)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row || row.userId !== expectedUserId) return null;

  if (Date.now() - row.lastSeenAt.getTime() > lastSeenWriteIntervalMs) {
    await executor
      .update(sessions)
      .set({
        lastSeenAt: sql`now()`,
        idleExpiresAt: row.persistent ? null : sql`now() + make_interval(secs => ${config.session.idleTimeoutSeconds})`,
      })
      .where(eq(sessions.id, row.id));
  }

  return {
    token,
    session: { id: row.id, persistent: row.persistent, createdAt: row.createdAt, expiresAt: row.expiresAt },
    user: sharedSessionUser(row.user),
  };
}

export type RevokeReason =
  'logout' | 'login' | 'user' | 'admin' | 'password_change' | 'user_disabled' | 'others' | 'second_factor_reset';

/** Ends the live sessions that match `conditions`; returns the ids of those it ended. */
async function revokeLiveSessions(executor: Executor, conditions: SQL[], reason: RevokeReason): Promise<string[]> {
  const revoked = await executor
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(isNull(sessions.revokedAt), ...conditions))
    .returning({ id: sessions.id });
  return revoked.map((session) => session.id);
}

/** Revokes one session of a user; returns false when there was no such live session. */
export async function revokeSession(
  executor: Executor,
  input: { sessionId: string; userId?: string; reason: RevokeReason },
): Promise<boolean> {
  const conditions = [eq(sessions.id, input.sessionId)];
  if (input.userId) conditions.push(eq(sessions.userId, input.userId));
  const revoked = await revokeLiveSessions(executor, conditions, input.reason);
  forgetSessionChecks({ sessionId: input.sessionId });
  return revoked.length > 0;
}

export async function revokeSessionByToken(
  executor: Executor,
  token: string,
  reason: RevokeReason,
): Promise<string | null> {
  const [id] = await revokeLiveSessions(executor, [eq(sessions.tokenHash, hashSessionToken(token))], reason);
  if (id) forgetSessionChecks({ sessionId: id });
  return id ?? null;
}

/** Revokes every live session of a user, optionally keeping one; returns how many were ended. */
export async function revokeUserSessions(
  executor: Executor,
  input: { userId: string; exceptSessionId?: string; reason: RevokeReason },
): Promise<number> {
  const conditions = [eq(sessions.userId, input.userId)];
  if (input.exceptSessionId) conditions.push(ne(sessions.id, input.exceptSessionId));
  const revoked = await revokeLiveSessions(executor, conditions, input.reason);
  forgetSessionChecks({ userId: input.userId });
  return revoked.length;
}

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  persistent: boolean;
  ipAddress: string | null;
  userAgent: string | null;
};

export async function listActiveSessions(executor: Executor, userId: string): Promise<SessionSummary[]> {
  return executor
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      persistent: sessions.persistent,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        or(isNull(sessions.idleExpiresAt), gt(sessions.idleExpiresAt, sql`now()`)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}
