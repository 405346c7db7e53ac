import 'server-only';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { AppConfig } from '../config';
import type { Executor } from '../db/client';
import { loginAttempts } from '../db/schema';

// Failures live in the database so that the limit holds across processes and restarts.

export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The key of a failure that names no account (a single sign-on, an unknown passkey): it counts
 * against its address only. A made-up key ("oidc@<address>") would be an account key anyone could
 * fill by typing it as a username, and so lock that address out.
 */
export const noAccountKey = '';

/**
 * Seconds until the oldest failure that keeps a key at its limit leaves the window, or 0 when
 * fewer than `max` failures fall inside the window.
 */
async function secondsBlocked(
  executor: Executor,
  column: typeof loginAttempts.usernameKey | typeof loginAttempts.ipAddress,
  value: string,
  max: number,
  windowSeconds: number,
): Promise<number> {
  const [row] = await executor
    .select({
      remaining: sql<number>`ceil(extract(epoch from (${loginAttempts.attemptedAt} + make_interval(secs => ${windowSeconds}) - now())))::int`,
    })
    .from(loginAttempts)
    .where(
      and(
        eq(column, value),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.attemptedAt, sql`now() - make_interval(secs => ${windowSeconds})`),
      ),
    )
    .orderBy(desc(loginAttempts.attemptedAt))
    .offset(max - 1)
    .limit(1);
  return row ? Math.max(Number(row.remaining), 1) : 0;
}

/** 0 when a login may be tried now; otherwise the seconds to wait. */
export async function loginRetryAfter(
  executor: Executor,
  config: AppConfig,
  key: string,
  ipAddress: string,
): Promise<number> {
  const { maxFailuresPerAccount, maxFailuresPerAddress, windowSeconds } = config.loginLimits;
  const [account, address] = await Promise.all([
    key === noAccountKey
      ? 0
      : secondsBlocked(executor, loginAttempts.usernameKey, key, maxFailuresPerAccount, windowSeconds),
    secondsBlocked(executor, loginAttempts.ipAddress, ipAddress, maxFailuresPerAddress, windowSeconds),
  ]);
  return Math.max(account, address);
}

export async function recordLoginAttempt(
  executor: Executor,
  key: string,
  ipAddress: string,
  succeeded: boolean,
): Promise<void> {
  await executor.insert(loginAttempts).values({ usernameKey: key, ipAddress, succeeded });
}

/** A successful login clears the account's failures (not the address's: others may share it). */
export async function clearAccountFailures(executor: Executor, key: string): Promise<void> {
  if (key === noAccountKey) return;
  await executor
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.usernameKey, key), eq(loginAttempts.succeeded, false)));
}

export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
