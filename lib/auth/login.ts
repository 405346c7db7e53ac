import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { log } from '../log';
import { userSummaryColumns } from '../users/queries';
import { passwordSignInAllowed } from './oidc-only';
import { burnPasswordCheck, verifyPassword } from './password';
import { openLoginSession, signedIn, type LoginResult } from './login-session';
import { loginRetryAfter, recordLoginAttempt, retryMessage, usernameKey } from './rate-limit';
import { hasSecondFactor } from './second-factor';
import { checkSecondFactorOrCount } from './second-factor-check';
import type { SessionUser } from './session-types';

export const invalidCredentialsMessage = 'The username or password is incorrect.';

export type { LoginResult } from './login-session';

export const secondFactorRequiredMessage =
  'This account uses two-factor sign-in: send the code from your authenticator app, or a recovery code.';

/**
 * The password was right and the account needs a second factor that was not sent (yet): a JSON
 * client sees 401 second_factor_required; the sign-in form asks for the code next.
 */
export class SecondFactorRequired extends AppError {
  constructor(
    readonly userId: string,
    readonly remember: boolean,
  ) {
    super('second_factor_required', secondFactorRequiredMessage);
  }
}

/**
 * Checks credentials and opens a new session. Unknown user, wrong password and disabled account
 * look alike and cost the same bcrypt work. An account with a second factor needs `code` too
 * (checked only after the password), else SecondFactorRequired. `previousToken` is the session the browser held: a
 * login always ends it, so a planted session id is never carried across a login.
 */
export async function logIn(
  input: { username: string; password: string; remember: boolean; code?: string },
  request: RequestInfo,
  previousToken?: string,
): Promise<LoginResult> {
  const db = await getDb();
  const key = usernameKey(input.username);
  await assertLoginAllowed(key, request);

  const [account] = await db
    .select({ ...userSummaryColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.username})`, key))
    .limit(1);

  // An empty hash is an account made from mail that has no password yet ("Forgot password" sets
  // one): it is refused like a wrong password, after the same bcrypt work.
  // Under OIDC_ONLY a name that may not use a password is refused like a wrong password, so the
  // answer does not tell who the break-glass accounts are.
  const passwordAllowed = passwordSignInAllowed(getConfig(), key);
  const hasPassword = account !== undefined && account.passwordHash !== '' && passwordAllowed;
  const passwordMatches = hasPassword
    ? await verifyPassword(input.password, account.passwordHash)
    : await burnPasswordCheck(input.password);
  if (!account || !passwordMatches || !account.active) {
    const reason = !account
      ? 'unknown_user'
      : !passwordAllowed
        ? 'oidc_only'
        : !hasPassword
          ? 'no_password'
          : !passwordMatches
            ? 'wrong_password'
            : 'disabled';
    await db.transaction(async (tx) => {
      await recordLoginAttempt(tx, key, request.ipAddress, false);
      await recordAudit(tx, account ? { id: account.id, username: account.username } : null, {
        action: 'auth.login_failure',
        target: account ? { type: 'user', id: account.id } : undefined,
        ipAddress: request.ipAddress,
        details: { username: key, reason },
      });
    });
    log.warn('auth.login_failure', { username: key, ip: request.ipAddress, reason });
    throw new AppError('invalid_credentials', invalidCredentialsMessage);
  }

  // The code is asked for only after the password, so it says nothing about a wrong one.
  if (await hasSecondFactor(db, account.id)) {
    if (input.code === undefined) throw new SecondFactorRequired(account.id, input.remember);
    await checkSecondFactorOrCount(account, input.code, request);
  }
  return openSignedInSession(account, input.remember, request, previousToken);
}

/** Refuses a sign-in step while the account or the address is past its limit of failures. */
export async function assertLoginAllowed(key: string, request: RequestInfo): Promise<void> {
  const db = await getDb();
  const waitSeconds = await loginRetryAfter(db, getConfig(), key, request.ipAddress);
  if (waitSeconds > 0) {
    await recordAudit(db, null, {
      action: 'auth.login_blocked',
      ipAddress: request.ipAddress,
      details: { username: key, retryAfterSeconds: waitSeconds },
    });
    log.warn('auth.login_blocked', { username: key, ip: request.ipAddress, retryAfterSeconds: waitSeconds });
    throw new AppError('rate_limited', retryMessage(waitSeconds), { retryAfterSeconds: waitSeconds });
  }
}

/** Opens the session of a sign-in whose every step passed, ending the one the browser held. */
export async function openSignedInSession(
  account: SessionUser,
  remember: boolean,
  request: RequestInfo,
  previousToken?: string,
): Promise<LoginResult> {
  const config = getConfig();
  const db = await getDb();
  const key = usernameKey(account.username);
  const input = { remember };
  const opened = await db.transaction((tx) =>
    openLoginSession(tx, config, account, request, { key, remember: input.remember, previousToken }),
  );
  return signedIn(account, opened, request, { persistent: input.remember });
}
