import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/record';
import { hashPassword } from '../auth/password';
import { revokeUserSessions } from '../auth/session-store';
import { forgetCachedSessions } from '../auth/session-cache';
import type { Executor, Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { users, type UserRole } from '../db/schema';
import { AppError } from '../errors';
import { findUserById, userSummaryColumns, type UserSummary } from './queries';
import { newUserSchema, passwordSchema, type NewUserInput } from './schemas';

export type ChangeContext = { actor: AuditActor; ipAddress?: string | null };

const staleMessage = 'This user was changed by someone else. Reload the page and try again.';

export async function createUser(tx: Transaction, input: NewUserInput, context: ChangeContext): Promise<UserSummary> {
  const parsed = newUserSchema.parse(input);
  const passwordHash = await hashPassword(parsed.password);
  let created: UserSummary;
  try {
    [created] = await tx
      .insert(users)
      .values({
        username: parsed.username,
        displayName: parsed.displayName || parsed.username,
        email: parsed.email || null,
        role: parsed.role,
        passwordHash,
      })
      .returning(userSummaryColumns);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `The username "${parsed.username}" is already taken.`, {
        fields: { username: 'This username is already taken.' },
      });
    }
    throw error;
  }
  await recordAudit(tx, {
    actor: context.actor,
    action: 'user.create',
    target: { type: 'user', id: created.id },
    ipAddress: context.ipAddress,
    details: { username: created.username, role: created.role },
  });
  return created;
}

async function loadForChange(tx: Transaction, userId: string, expectedVersion?: number): Promise<UserSummary> {
  const user = await findUserById(tx, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  if (expectedVersion !== undefined && user.version !== expectedVersion) throw new AppError('conflict', staleMessage);
  return user;
}

// Demoting or disabling the last active admin would lock everyone out of administration.
// All active admin rows are locked in one fixed order, so two admins demoting each other at the
// same moment queue up instead of deadlocking; the second then sees it would leave none.
async function assertAnotherActiveAdmin(executor: Executor, userId: string): Promise<void> {
  const admins = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(users.id)
    .for('update');
  if (!admins.some((admin) => admin.id !== userId)) throw new AppError('conflict', 'At least one active admin must remain.');
}

async function bumpVersion(tx: Transaction, userId: string, version: number, changes: Partial<typeof users.$inferInsert>) {
  const updated = await tx
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), eq(users.version, version)))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError('conflict', staleMessage);
}

export async function changeUserRole(
  tx: Transaction,
  input: { userId: string; role: UserRole; expectedVersion?: number },
  context: ChangeContext,
): Promise<{ changed: boolean }> {
  const user = await loadForChange(tx, input.userId, input.expectedVersion);
  if (user.role === input.role) return { changed: false };
  if (user.role === 'admin' && user.active) await assertAnotherActiveAdmin(tx, user.id);
  await bumpVersion(tx, user.id, user.version, { role: input.role });
  await recordAudit(tx, {
    actor: context.actor,
    action: 'user.role_change',
    target: { type: 'user', id: user.id },
    ipAddress: context.ipAddress,
    details: { username: user.username, from: user.role, to: input.role },
  });
  // The role is read from the database on every request; drop this process's shortcut now.
  forgetCachedSessions({ userId: user.id });
  return { changed: true };
}

export async function setUserActive(
  tx: Transaction,
  input: { userId: string; active: boolean; expectedVersion?: number },
  context: ChangeContext,
): Promise<void> {
  const user = await loadForChange(tx, input.userId, input.expectedVersion);
  if (user.active === input.active) return;
  if (!input.active && context.actor?.id === user.id) throw new AppError('conflict', 'You cannot disable your own account.');
  if (!input.active && user.role === 'admin') await assertAnotherActiveAdmin(tx, user.id);
  await bumpVersion(tx, user.id, user.version, { active: input.active });
  const revoked = input.active ? 0 : await revokeUserSessions(tx, { userId: user.id, reason: 'user_disabled' });
  await recordAudit(tx, {
    actor: context.actor,
    action: input.active ? 'user.enable' : 'user.disable',
    target: { type: 'user', id: user.id },
    ipAddress: context.ipAddress,
    details: { username: user.username, sessionsRevoked: revoked },
  });
}

/** Sets a password and ends the user's other sessions (all of them when `keepSessionId` is absent). */
export async function setUserPassword(
  tx: Transaction,
  input: { userId: string; password: string; keepSessionId?: string },
  context: ChangeContext,
): Promise<{ sessionsRevoked: number }> {
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) {
    throw new AppError('validation_failed', password.error.issues[0].message, { fields: { password: password.error.issues[0].message } });
  }
  const user = await loadForChange(tx, input.userId);
  const passwordHash = await hashPassword(password.data);
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()`, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, user.id));
  const sessionsRevoked = await revokeUserSessions(tx, {
    userId: user.id,
    exceptSessionId: input.keepSessionId,
    reason: 'password_change',
  });
  await recordAudit(tx, {
    actor: context.actor,
    action: context.actor?.id === user.id ? 'user.password_change' : 'user.password_reset',
    target: { type: 'user', id: user.id },
    ipAddress: context.ipAddress,
    details: { username: user.username, sessionsRevoked },
  });
  return { sessionsRevoked };
}
