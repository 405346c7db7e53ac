import 'server-only';
import { asc } from 'drizzle-orm';
import { isAdmin } from '../actor';
import { recordAudit } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { userRoles, type UserRole } from '../db/schema';
import { secondFactorRequiredRoles } from '../db/schema-second-factor';
import { AppError } from '../errors';
import { loadUserById, type UserAdministrator } from '../users/queries';
import { auditSecondFactor, removeSecondFactor } from './second-factor';
import { revokeUserSessions } from './session-store';
import { refuseApiToken } from './signed-in-only';

// What admins decide about second factors: which roles must have one, and resetting a user's.

function assertAdmin(actor: UserAdministrator): void {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'You do not have permission to do that.');
}

/** The roles that must set up a second factor before they can use the app. */
export async function rolesRequiringSecondFactor(executor: Executor): Promise<UserRole[]> {
  const rows = await executor
    .select({ role: secondFactorRequiredRoles.role })
    .from(secondFactorRequiredRoles)
    .orderBy(asc(secondFactorRequiredRoles.role));
  return rows.map((row) => row.role);
}

export async function setRolesRequiringSecondFactor(
  tx: Transaction,
  actor: UserAdministrator,
  input: { roles: UserRole[] },
): Promise<{ changed: boolean }> {
  assertAdmin(actor);
  refuseApiToken(actor, 'change who must use two-factor sign-in');
  const roles = userRoles.filter((role) => input.roles.includes(role));
  const before = await rolesRequiringSecondFactor(tx);
  if (before.join() === [...roles].sort().join()) return { changed: false };
  await tx.delete(secondFactorRequiredRoles);
  if (roles.length > 0) await tx.insert(secondFactorRequiredRoles).values(roles.map((role) => ({ role })));
  await recordAudit(tx, actor, {
    action: 'security.second_factor_roles',
    details: { from: before, to: roles },
  });
  return { changed: true };
}

/**
 * Removes a user's second factor (a lost phone) and ends all their sessions, so whoever holds
 * one of them must sign in again; with a required role they set up a new one right after.
 */
export async function resetSecondFactor(
  tx: Transaction,
  actor: UserAdministrator,
  input: { userId: string },
): Promise<{ sessionsRevoked: number }> {
  assertAdmin(actor);
  refuseApiToken(actor, "reset a user's second factor");
  const user = await loadUserById(tx, input.userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  const removed = await removeSecondFactor(tx, user.id);
  if (!removed) throw new AppError('conflict', `${user.username} has no second factor to reset.`);
  const sessionsRevoked = await revokeUserSessions(tx, { userId: user.id, reason: 'second_factor_reset' });
  await auditSecondFactor(tx, actor, 'user.second_factor_reset', user, { sessionsRevoked });
  return { sessionsRevoked };
}
