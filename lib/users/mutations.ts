import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin } from '../actor';
import { auditFor } from '../audit/record';
import { hashPassword } from '../auth/password';
import { forgetSessionChecks } from '../auth/session-cache';
import { revokeUserApiTokens } from '../auth/api-tokens';
import { revokeUserSessions } from '../auth/session-store';
import type { Executor, Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { users, type UserRole } from '../db/schema';
import { passwordResetTokens } from '../db/schema-mail';
import { updateAtVersion } from '../db/versioned';
import { AppError, staleVersion } from '../errors';
import { parseInput, validationFailed } from '../validation';
import { loadUserById, userSummaryColumns, type UserAdministrator, type UserSummary } from './queries';
import { newUserSchema, passwordSchema, userDetailsSchema, type NewUserInput, type UserDetailsInput } from './schemas';

// Changes to accounts, each audited in the caller's transaction. Admins (and the command line)
// manage everyone; a user may only change their own password.

const auditUser = auditFor('user', (user: { username: string }) => ({ username: user.username }));

function assertAdmin(actor: UserAdministrator): void {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'You do not have permission to do that.');
}

/** Inserts a user without asking who for: createUser, and first-run setup (where nobody is signed in yet). */
export async function insertUser(tx: Transaction, input: NewUserInput): Promise<UserSummary> {
  const parsed = parseInput(newUserSchema, input);
  const passwordHash = await hashPassword(parsed.password);
  try {
    const [created] = await tx
      .insert(users)
      .values({
        username: parsed.username,
        displayName: parsed.displayName || parsed.username,
        email: parsed.email || null,
        role: parsed.role,
        passwordHash,
      })
      .returning(userSummaryColumns);
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `The username "${parsed.username}" is already taken.`, {
        fields: { username: 'This username is already taken.' },
      });
    }
    throw error;
  }
}

// Incoming mail and password resets find an account by its address, so two accounts sharing one
// would make either reach the wrong person.
async function assertEmailFree(tx: Transaction, userId: string | null, email: string): Promise<void> {
  const sameAddress = eq(sql`lower(${users.email})`, email.toLowerCase());
  const [other] = await tx
    .select({ username: users.username })
    .from(users)
    .where(userId ? and(sameAddress, ne(users.id, userId)) : sameAddress)
    .limit(1);
  if (other) {
    const message = `This address already belongs to ${other.username}.`;
    throw new AppError('conflict', message, { fields: { email: message } });
  }
}

export async function createUser(tx: Transaction, actor: UserAdministrator, input: NewUserInput): Promise<UserSummary> {
  assertAdmin(actor);
  // Parsed first, so the address the query compares is one the rules accept.
  const { email } = parseInput(newUserSchema, input);
  if (email) await assertEmailFree(tx, null, email);
  const created = await insertUser(tx, input);
  await auditUser(tx, actor, 'user.create', created, { role: created.role });
  return created;
}

async function loadForChange(tx: Transaction, userId: string, expectedVersion?: number): Promise<UserSummary> {
  const user = await loadUserById(tx, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  if (expectedVersion !== undefined && user.version !== expectedVersion) throw staleVersion();
  return user;
}

// Demoting or disabling the last active admin would lock everyone out of administration.
// All active admin rows are locked in one fixed order, so two admins demoting each other at the
// same moment queue up instead of deadlocking; the second then sees it would leave none.
export async function anotherActiveAdminRemains(executor: Executor, userId: string): Promise<boolean> {
  const admins = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(users.id)
    .for('update');
  return admins.some((admin) => admin.id !== userId);
}

async function assertAnotherActiveAdmin(executor: Executor, userId: string): Promise<void> {
  if (!(await anotherActiveAdminRemains(executor, userId)))
    throw new AppError('conflict', 'At least one active admin must remain.');
}

export async function changeUserRole(
  tx: Transaction,
  actor: UserAdministrator,
  input: { userId: string; role: UserRole; expectedVersion?: number },
): Promise<{ changed: boolean }> {
  assertAdmin(actor);
  const user = await loadForChange(tx, input.userId, input.expectedVersion);
  if (user.role === input.role) return { changed: false };
  if (user.role === 'admin' && user.active) await assertAnotherActiveAdmin(tx, user.id);
  await updateAtVersion(tx, users, user, { role: input.role });
  await auditUser(tx, actor, 'user.role_change', user, { from: user.role, to: input.role });
  // The role is read from the database on every request; drop this process's shortcut now.
  forgetSessionChecks({ userId: user.id });
  return { changed: true };
}

export async function setUserActive(
  tx: Transaction,
  actor: UserAdministrator,
  input: { userId: string; active: boolean; expectedVersion?: number },
): Promise<void> {
  assertAdmin(actor);
  const user = await loadForChange(tx, input.userId, input.expectedVersion);
  if (user.active === input.active) return;
  if (!input.active && actor.id === user.id) throw new AppError('conflict', 'You cannot disable your own account.');
  if (!input.active && user.role === 'admin') await assertAnotherActiveAdmin(tx, user.id);
  await updateAtVersion(tx, users, user, { active: input.active });
  if (input.active) return auditUser(tx, actor, 'user.enable', user, {});
  const sessionsRevoked = await revokeUserSessions(tx, { userId: user.id, reason: 'user_disabled' });
  const tokensRevoked = await revokeUserApiTokens(tx, user.id);
  await auditUser(tx, actor, 'user.disable', user, { sessionsRevoked, tokensRevoked });
}

/** Changes a user's display name and email, refused when someone changed the user since `expectedVersion`. */
export async function updateUserDetails(
  tx: Transaction,
  actor: UserAdministrator,
  input: UserDetailsInput & { userId: string; expectedVersion?: number },
): Promise<{ changed: boolean }> {
  assertAdmin(actor);
  const parsed = parseInput(userDetailsSchema, { displayName: input.displayName, email: input.email });
  const user = await loadForChange(tx, input.userId, input.expectedVersion);
  const email = parsed.email || null;
  const changes: { displayName?: string; email?: string | null } = {};
  if (parsed.displayName !== user.displayName) changes.displayName = parsed.displayName;
  if (email !== user.email) changes.email = email;
  if (Object.keys(changes).length === 0) return { changed: false };
  if (email && changes.email !== undefined) await assertEmailFree(tx, user.id, email);
  await updateAtVersion(tx, users, user, changes);
  // A reset link went to the old address, which may no longer be theirs: it opens nothing now.
  if (changes.email !== undefined) await spendResetLinks(tx, user.id);
  const from = Object.fromEntries(Object.keys(changes).map((key) => [key, user[key as keyof typeof changes]]));
  await auditUser(tx, actor, 'user.details_change', user, { from, to: changes });
  // Sign-in sessions carry the name and address; drop this process's shortcut so the next request reads them.
  forgetSessionChecks({ userId: user.id });
  return { changed: true };
}

/** Marks the user's open password-reset links used. */
async function spendResetLinks(tx: Transaction, userId: string): Promise<void> {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

const newPasswordSchema = z.object({ password: passwordSchema });

/**
 * Sets a password (an admin for anyone, a user their own) and ends the user's other sessions:
 * all of them when `keepSessionId` is absent.
 */
export async function setUserPassword(
  tx: Transaction,
  actor: UserAdministrator,
  input: { userId: string; password: string; keepSessionId?: string },
): Promise<{ sessionsRevoked: number }> {
  const own = actor.id !== null && actor.id === input.userId;
  if (!own) assertAdmin(actor);
  const parsed = newPasswordSchema.safeParse({ password: input.password });
  if (!parsed.success) throw validationFailed(parsed.error, parsed.error.issues[0].message);
  const user = await loadForChange(tx, input.userId);
  const passwordHash = await hashPassword(parsed.data.password);
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()`, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, user.id));
  // A reset link mailed before is for the password that is gone: it must not replace this one.
  await spendResetLinks(tx, user.id);
  const sessionsRevoked = await revokeUserSessions(tx, {
    userId: user.id,
    exceptSessionId: input.keepSessionId,
    reason: 'password_change',
  });
  await auditUser(tx, actor, own ? 'user.password_change' : 'user.password_reset', user, { sessionsRevoked });
  return { sessionsRevoked };
}
