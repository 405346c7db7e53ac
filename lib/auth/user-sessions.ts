import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { AppError } from '../errors';
import { log } from '../log';
import { listActiveSessions, revokeSession, revokeUserSessions, type SessionSummary } from './session-store';

// What people do with sessions: see their own (an admin, anyone's) and end them, each ending
// revoked and audited in the caller's transaction.

/** The live sessions of `ownerId`: for that person, or an admin; anyone else gets "not found". */
export async function listSessionsOf(executor: Executor, actor: Actor, ownerId: string): Promise<SessionSummary[]> {
  if (ownerId !== actor.id && actor.role !== 'admin') throw new AppError('not_found', 'No such user.');
  return listActiveSessions(executor, ownerId);
}

/** Signing out: ends the actor's own session. */
export async function logOut(tx: Transaction, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  if (await revokeSession(tx, { sessionId: actor.sessionId, reason: 'logout' })) {
    await recordAudit(tx, actor, { action: 'auth.logout', target: { type: 'session', id: actor.sessionId } });
  }
  log.info('auth.logout', { userId: actor.id, ip: actor.ipAddress });
}

/** Ends one session of `ownerId` (an admin for anyone, a user for themselves); "not found" when it is not theirs or already over. */
export async function endSession(
  tx: Transaction,
  actor: Actor,
  input: { sessionId: string; ownerId: string; reason: 'user' | 'admin' },
): Promise<void> {
  if (input.reason === 'user' && input.ownerId !== actor.id)
    throw new AppError('not_found', 'That session has already ended.');
  if (input.reason === 'admin' && actor.role !== 'admin')
    throw new AppError('forbidden', 'You do not have permission to do that.');
  const revoked = await revokeSession(tx, { sessionId: input.sessionId, userId: input.ownerId, reason: input.reason });
  if (!revoked) throw new AppError('not_found', 'That session has already ended.');
  await recordAudit(tx, actor, {
    action: 'session.revoke',
    target: { type: 'session', id: input.sessionId },
    details: { ownerId: input.ownerId, reason: input.reason },
  });
  log.info('session.revoked', { sessionId: input.sessionId, by: actor.id, reason: input.reason });
}

/** "Sign out everywhere else": every session of the actor but the one they are using. */
export async function endOtherSessions(tx: Transaction, actor: Actor): Promise<number> {
  const count = await revokeUserSessions(tx, {
    userId: actor.id,
    exceptSessionId: actor.sessionId ?? undefined,
    reason: 'others',
  });
  await recordAudit(tx, actor, {
    action: 'session.revoke_others',
    target: { type: 'user', id: actor.id },
    details: { count },
  });
  return count;
}
