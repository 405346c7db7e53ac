import 'server-only';
import type { AuditActor } from '../audit/record';
import { recordAudit } from '../audit/record';
import type { AppConfig } from '../config';
import type { Transaction } from '../db/client';
import type { RequestInfo } from '../http/request-info';
import { clearAccountFailures } from './rate-limit';
import { createSession, revokeSessionByToken } from './session-store';

// The end of every successful sign-in, whatever proved who it is (a password, a passkey): the
// session the browser held is ended, a new one opened, the account's failures cleared, and audited.

export async function openLoginSession(
  tx: Transaction,
  config: AppConfig,
  account: { id: string; username: string },
  request: RequestInfo,
  options: { key: string; remember: boolean; previousToken?: string; details?: Record<string, unknown> },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
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
