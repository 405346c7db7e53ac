import 'server-only';
import { userIdentityColumns } from '../users/queries';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { passwordResetTokens } from '../db/schema-mail';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { log } from '../log';
import { currentRequestId } from '../request-context';
import { setUserPassword } from '../users/mutations';
import { resetTokenHash } from './password-reset-mail';

// "Forgot password", step two: the mailed link sets a new password once. Using it spends every
// outstanding link of the account and ends all of its sessions, audited like a password change.

export const resetLinkProblems = {
  unknown: 'This link is not valid. Copy the whole link from the mail, or ask for a new one.',
  used: 'This link was already used. Ask for a new one if you need to set your password again.',
  expired: 'This link has expired (links work for 30 minutes). Ask for a new one.',
} as const;

export async function resetPasswordWithToken(
  db: Database,
  request: RequestInfo,
  input: { token: string; password: string },
): Promise<{ username: string; sessionsRevoked: number }> {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: passwordResetTokens.id,
        usedAt: passwordResetTokens.usedAt,
        expired: sql<boolean>`${passwordResetTokens.expiresAt} <= now()`,
        user: userIdentityColumns,
      })
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(eq(passwordResetTokens.tokenHash, resetTokenHash(input.token)))
      .for('update', { of: passwordResetTokens })
      .limit(1);
    if (!row || !row.user.active) throw new AppError('bad_request', resetLinkProblems.unknown);
    if (row.usedAt) throw new AppError('bad_request', resetLinkProblems.used);
    if (row.expired) throw new AppError('bad_request', resetLinkProblems.expired);

    const { user } = row;
    const actor: Actor = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      ipAddress: request.ipAddress,
      requestId: currentRequestId() ?? null,
      sessionId: null,
    };
    // Setting the password spends this link and every other open one of the user's.
    const { sessionsRevoked } = await setUserPassword(tx, actor, { userId: user.id, password: input.password });
    await recordAudit(tx, actor, {
      action: 'auth.password_reset',
      target: { type: 'user', id: user.id },
      details: { tokenId: row.id, sessionsRevoked },
    });
    return { username: user.username, sessionsRevoked };
  });
  log.info('auth.password_reset', { username: result.username, ip: request.ipAddress });
  return result;
}
