import 'server-only';
import { recordAudit, type AuditActor } from '../audit/record';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import { log } from '../log';
import { revokeSession, revokeSessionByToken, revokeUserSessions, type RevokeReason } from './session-store';

// Session endings that people trigger, each revoked and audited in one transaction.

export async function logOut(token: string, actor: AuditActor, ipAddress: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const sessionId = await revokeSessionByToken(tx, token, 'logout');
    if (sessionId) await recordAudit(tx, { actor, action: 'auth.logout', target: { type: 'session', id: sessionId }, ipAddress });
  });
  log.info('auth.logout', { userId: actor?.id, ip: ipAddress });
}

/** Ends one session of `ownerId`; "not found" when it is not theirs or already over. */
export async function endSession(
  input: { sessionId: string; ownerId: string; reason: Extract<RevokeReason, 'user' | 'admin'> },
  actor: AuditActor,
  ipAddress: string,
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const revoked = await revokeSession(tx, { sessionId: input.sessionId, userId: input.ownerId, reason: input.reason });
    if (!revoked) throw new AppError('not_found', 'That session has already ended.');
    await recordAudit(tx, {
      actor,
      action: 'session.revoke',
      target: { type: 'session', id: input.sessionId },
      ipAddress,
      details: { ownerId: input.ownerId, reason: input.reason },
    });
  });
  log.info('session.revoked', { sessionId: input.sessionId, by: actor?.id, reason: input.reason });
}

export async function endOtherSessions(ownerId: string, currentSessionId: string, actor: AuditActor, ipAddress: string): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const count = await revokeUserSessions(tx, { userId: ownerId, exceptSessionId: currentSessionId, reason: 'others' });
    await recordAudit(tx, { actor, action: 'session.revoke_others', target: { type: 'user', id: ownerId }, ipAddress, details: { count } });
    return count;
  });
}
