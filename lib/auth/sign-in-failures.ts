import 'server-only';
import { recordAudit } from '../audit/record';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import type { RequestInfo } from '../http/request-info';
import { log } from '../log';
import { AppError } from '../errors';
import { loginRetryAfter, recordLoginAttempt, retryMessage } from './rate-limit';

// What every way of signing in (password, code, passkey, single sign-on) does when a step fails
// or a limit is reached: one count towards the limits, one audit row and one log line.

/** Where a sign-in step came from: only the client's address is counted and recorded. */
type From = Pick<RequestInfo, 'ipAddress'>;

export type SignInFailure = {
  /** The account key the failure counts against (a username, or a shared key when nobody is known). */
  key: string;
  request: From;
  reason: string;
  /** The account the failure is about, when one was identified. */
  account?: { id: string; username: string } | null;
  /** How the sign-in was tried when it was not a password: 'passkey', 'oidc'. */
  method?: string;
  /** Further safe facts for the audit row (a passkey's name, a library's error name). */
  details?: Record<string, unknown>;
};

/** Counts, audits and logs a failed sign-in step. */
export async function recordSignInFailure(failure: SignInFailure): Promise<void> {
  const { key, request, reason, account, method, details } = failure;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await recordLoginAttempt(tx, key, request.ipAddress, false);
    await recordAudit(tx, account ? { id: account.id, username: account.username } : null, {
      action: 'auth.login_failure',
      target: account ? { type: 'user', id: account.id } : undefined,
      ipAddress: request.ipAddress,
      details: { ...(method ? { method } : { username: key }), reason, ...details },
    });
  });
  log.warn('auth.login_failure', {
    ...(method ? { method } : { username: key }),
    ...(account ? { userId: account.id } : {}),
    ip: request.ipAddress,
    reason,
  });
}

/**
 * Seconds the key or the address must wait before another sign-in step, 0 when it may go on. A
 * refusal is audited and logged here; the caller throws its own way of saying so.
 */
export async function signInWaitSeconds(key: string, request: From, method?: string): Promise<number> {
  const db = await getDb();
  const waitSeconds = await loginRetryAfter(db, getConfig(), key, request.ipAddress);
  if (waitSeconds === 0) return 0;
  const who = method ? { method } : { username: key };
  await recordAudit(db, null, {
    action: 'auth.login_blocked',
    ipAddress: request.ipAddress,
    details: { ...who, retryAfterSeconds: waitSeconds },
  });
  log.warn('auth.login_blocked', { ...who, ip: request.ipAddress, retryAfterSeconds: waitSeconds });
  return waitSeconds;
}

/** Refuses a sign-in step with 'rate_limited' while the key or the address is past its limit. */
export async function assertSignInAllowed(key: string, request: From, method?: string): Promise<void> {
  const waitSeconds = await signInWaitSeconds(key, request, method);
  if (waitSeconds > 0) {
    throw new AppError('rate_limited', retryMessage(waitSeconds), { retryAfterSeconds: waitSeconds });
  }
}
