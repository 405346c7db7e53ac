import 'server-only';
import type { AuditActor } from '../audit/record';
import { recordAudit } from '../audit/record';
import type { AppConfig } from '../config';
import type { Transaction } from '../db/client';
import type { RequestInfo } from '../http/request-info';
import { log } from '../log';
import { clearAccountFailures } from './rate-limit';
import { createSession, revokeSessionByToken } from './session-store';
import type { SessionUser } from './session-types';

// The end of every successful sign-in, whatever proved who it is (a password, a passkey): the
// session the browser held is ended, a new one opened, the account's failures cleared, and audited.

export type LoginResult = {
  user: SessionUser;
  token: string;
  sessionId: string;
  expiresAt: Date;
  persistent: boolean;
};

type OpenedSession = { token: string; sessionId: string; expiresAt: Date };

export async function openLoginSession(
  tx: Transaction,
  config: AppConfig,
  account: { id: string; username: string },
  request: RequestInfo,
  options: { key: string; remember: boolean; previousToken?: string; details?: Record<string, unknown> },
): Promise<OpenedSession> {
  if (options.previousToken) await revokeSessionByToken(tx, options.previousToken, 'login');
  const session = await createSession(tx, config, {
    userId: account.id,
    persistent: options.remember,
    ipAddress: request.ipAddress,
    userAgent: request.userAgent,
  });
  await clearAccountFailures(tx, options.key);
  const actor: AuditActor = { id: account.id, username: account.username };
  await recordAudit(tx, actor, {
    action: 'auth.login_success',
    target: { type: 'session', id: session.sessionId },
    ipAddress: request.ipAddress,
    details: { remember: options.remember, ...options.details },
  });
  return session;
}

/** Logs a sign-in whose transaction committed, and answers it with the user it signed in. */
export function signedIn(
  account: SessionUser,
  session: OpenedSession,
  request: RequestInfo,
  options: { persistent: boolean; method?: string },
): LoginResult {
  log.info('auth.login_success', {
    ...(options.method ? { method: options.method } : {}),
    userId: account.id,
    sessionId: session.sessionId,
    ip: request.ipAddress,
  });
  const { id, username, displayName, email, role } = account;
  return {
    user: { id, username, displayName, email, role },
    token: session.token,
    sessionId: session.sessionId,
    expiresAt: session.expiresAt,
    persistent: options.persistent,
  };
}
