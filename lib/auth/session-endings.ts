import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Transaction } from '../db/client';
import { AppError } from '../errors';
import { log } from '../log';
import { revokeSession, revokeUserSessions } from './session-store';

// Session endings that people ask for, each revoked and audited in the caller's transaction.

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
