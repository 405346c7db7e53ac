import 'server-only';
import { and, count, eq, gt, isNotNull, ne, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import type { Database, Executor } from '../db/client';
import { auditLog, users } from '../db/schema';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { enqueueJob } from '../jobs/queue';
import { log } from '../log';
import { isMailEnabled } from '../mail/outgoing/transport';
import { usernameKey } from './rate-limit';

// "Forgot password", step one: someone names an account by username or email. The answer never
// says whether one matched. The job mails the link: the token is made there, so the raw token is
// never stored, not even in the job's data.

export const resetRequestAnswer =
  'If an account matches, we have sent a link to its email address. The link works once, for 30 minutes.';
export const resetRequestAction = 'auth.password_reset_request';

// Requests are counted in the audit log (login_attempts counts failed sign-ins: a reset request
// there would lock the account out of signing in).
const windowSeconds = 15 * 60;
const maxPerAccount = 3;
const maxPerAddress = 10;

async function recentRequests(executor: Executor, where: ReturnType<typeof eq>): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, resetRequestAction),
        gt(auditLog.at, sql`now() - make_interval(secs => ${windowSeconds})`),
        where,
      ),
    );
  return Number(row?.n ?? 0);
}

/** Queues a reset mail for each active account with an address that `identifier` names. */
export async function requestPasswordReset(db: Database, request: RequestInfo, identifier: string): Promise<void> {
  if (!isMailEnabled()) throw new AppError('not_found', 'Password reset by mail is not available on this server.');
  if ((await recentRequests(db, eq(auditLog.ipAddress, request.ipAddress))) >= maxPerAddress) {
    throw new AppError('rate_limited', 'Too many reset requests from your address. Try again in 15 minutes.', {
      retryAfterSeconds: windowSeconds,
    });
  }
  const key = usernameKey(identifier);
  const accounts = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        isNotNull(users.email),
        ne(users.email, ''),
        or(eq(sql`lower(${users.username})`, key), eq(sql`lower(${users.email})`, key)),
      ),
    )
    .limit(5);

  await db.transaction(async (tx) => {
    if (accounts.length === 0) {
      await recordAudit(tx, null, {
        action: resetRequestAction,
        ipAddress: request.ipAddress,
        details: { matched: false },
      });
      return;
    }
    for (const account of accounts) {
      const target = { type: 'user', id: account.id };
      // Past the limit the answer stays the same; only the mail is not sent again.
      const sent = (await recentRequests(tx, eq(auditLog.targetId, account.id))) < maxPerAccount;
      if (sent) await enqueueJob(tx, 'password-reset', { userId: account.id });
      await recordAudit(tx, null, {
        action: resetRequestAction,
        target,
        ipAddress: request.ipAddress,
        details: { sent },
      });
    }
  });
  log.info('auth.password_reset_requested', { ip: request.ipAddress, matched: accounts.length });
}
