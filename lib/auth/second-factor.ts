import 'server-only';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { auditFor } from '../audit/record';
import { getConfig } from '../config';
import { openSecret, sealSecret } from '../crypto/secret-box';
import type { Executor, Transaction } from '../db/client';
import { users } from '../db/schema';
import { recoveryCodes, userTotp } from '../db/schema-second-factor';
import { AppError } from '../errors';
import { hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode, recoveryCodeCount } from './recovery-codes';
import { refuseApiToken } from './signed-in-only';
import { acceptedStep, newTotpSecret, totpUri } from './totp';

// A user's second factor: enrolling an authenticator app, checking a code at sign-in, turning it
// off. Passkeys will join hasSecondFactor and checkSecondFactor; the rest of the app asks only these.

const changeTwoFactor = 'turn two-factor sign-in on or off';

export const auditSecondFactor = auditFor('user', (user: { username: string }) => ({ username: user.username }));

export const wrongCodeMessage = 'That code is not valid. Enter the current code from your app, or a recovery code.';

/** Whether the user has a second factor that sign-in must ask for. */
export async function hasSecondFactor(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)))
    .limit(1);
  return row !== undefined;
}

/**
 * Whether this user's role must use a second factor that they have not set up yet: one indexed
 * round-trip, asked by the boundary on each page, action and route (no hashing).
 */
export async function secondFactorSetupPending(executor: Executor, user: { id: string }): Promise<boolean> {
  const [row] = await executor
    .select({
      // Written out in full: drizzle leaves columns unqualified here, and "role" would then be the subquery's own.
      pending: sql<boolean>`exists (select 1 from second_factor_required_roles r where r.role = "users"."role")
        and not exists (select 1 from user_totp t where t.user_id = "users"."id" and t.confirmed_at is not null)`,
    })
    .from(users)
    .where(eq(users.id, user.id));
  return row?.pending === true;
}

export type TotpState = { status: 'off' } | { status: 'pending'; secret: string; uri: string } | { status: 'on' };

/** What the account page shows: the secret only while enrolment waits for its first code. */
export async function totpState(executor: Executor, actor: Actor): Promise<TotpState> {
  const [row] = await executor
    .select({ secretSealed: userTotp.secretSealed, confirmedAt: userTotp.confirmedAt })
    .from(userTotp)
    .where(eq(userTotp.userId, actor.id))
    .limit(1);
  if (!row) return { status: 'off' };
  if (row.confirmedAt) return { status: 'on' };
  const secret = openSecret(row.secretSealed, getConfig().session.secrets);
  return secret ? { status: 'pending', secret, uri: totpUri(secret, actor.username) } : { status: 'off' };
}

/** Starts (or restarts) enrolment with a new secret; refused while an app is already on. */
export async function startTotpEnrolment(tx: Transaction, actor: Actor): Promise<{ secret: string; uri: string }> {
  refuseApiToken(actor, changeTwoFactor);
  if (await hasSecondFactor(tx, actor.id))
    throw new AppError('conflict', 'Two-factor sign-in is already on. Turn it off first to use another app.');
  const secret = newTotpSecret();
  const secretSealed = sealSecret(secret, getConfig().session.secrets);
  await tx
    .insert(userTotp)
    .values({ userId: actor.id, secretSealed })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretSealed, confirmedAt: null, lastUsedStep: null, createdAt: sql`now()` },
    });
  return { secret, uri: totpUri(secret, actor.username) };
}

/** Turns the app on with its first valid code; answers the recovery codes, shown this once. */
export async function confirmTotpEnrolment(
  tx: Transaction,
  actor: Actor,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  refuseApiToken(actor, changeTwoFactor);
  const [row] = await tx
    .select({ secretSealed: userTotp.secretSealed, confirmedAt: userTotp.confirmedAt })
    .from(userTotp)
    .where(eq(userTotp.userId, actor.id))
    .for('update');
  if (!row || row.confirmedAt)
    throw new AppError('conflict', 'Start the set-up again: there is no app waiting for a code.');
  const secret = openSecret(row.secretSealed, getConfig().session.secrets);
  const step = secret ? acceptedStep(secret, input.code, null) : null;
  if (step === null)
    throw new AppError('validation_failed', 'That code is not valid.', {
      fields: { code: 'That code is not valid. Enter the code your app shows now.' },
    });
  await tx
    .update(userTotp)
    .set({ confirmedAt: sql`now()`, lastUsedStep: step })
    .where(eq(userTotp.userId, actor.id));
  const codes = await replaceRecoveryCodes(tx, actor.id);
  await auditSecondFactor(tx, actor, 'user.second_factor_enable', actor, { method: 'totp' });
  return { recoveryCodes: codes };
}

async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })));
  return codes;
}

/**
 * Checks a code at sign-in: an authenticator code (±1 step, each step once) or an unused recovery
 * code, which is spent. Both writes are conditional, so two requests racing with one code cannot
 * both win. Answers which kind matched, or null.
 */
export async function checkSecondFactor(
  executor: Executor,
  userId: string,
  code: string,
): Promise<'totp' | 'recovery' | null> {
  const [row] = await executor
    .select({ secretSealed: userTotp.secretSealed, lastUsedStep: userTotp.lastUsedStep })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)))
    .limit(1);
  if (!row) return null;
  const secret = openSecret(row.secretSealed, getConfig().session.secrets);
  const step = secret ? acceptedStep(secret, code, row.lastUsedStep) : null;
  if (step !== null) {
    const taken = await executor
      .update(userTotp)
      .set({ lastUsedStep: step })
      .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))))
      .returning({ userId: userTotp.userId });
    return taken.length > 0 ? 'totp' : null;
  }
  const recovery = normalizeRecoveryCode(code);
  if (!recovery) return null;
  const spent = await executor
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(recovery)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return spent.length > 0 ? 'recovery' : null;
}

/** How many recovery codes are left unused (the account page says so). */
export async function unusedRecoveryCodes(executor: Executor, userId: string): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.count ?? 0);
}

/** Removes a user's app and recovery codes; true when there was anything to remove. */
export async function removeSecondFactor(tx: Transaction, userId: string): Promise<boolean> {
  const removed = await tx.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ userId: userTotp.userId });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return removed.length > 0;
}

/**
 * Turns the app off for oneself. The caller has asked the user again (lib/auth/recheck.ts) for
 * their password or a current code, so a session left open is not enough.
 */
export async function disableTotp(
  tx: Transaction,
  actor: Actor,
  input: { confirmedWith: 'code' | 'password' },
): Promise<void> {
  refuseApiToken(actor, changeTwoFactor);
  if (!(await hasSecondFactor(tx, actor.id))) throw new AppError('conflict', 'Two-factor sign-in is not on.');
  await removeSecondFactor(tx, actor.id);
  await auditSecondFactor(tx, actor, 'user.second_factor_disable', actor, { confirmedWith: input.confirmedWith });
}
