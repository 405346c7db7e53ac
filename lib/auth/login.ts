import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { userSummaryColumns } from '../users/queries';
import { passwordSignInAllowed } from './oidc-only';
import { burnPasswordCheck, verifyPassword } from './password';
import { openLoginSession, signedIn, type LoginResult } from './login-session';
import { usernameKey } from './rate-limit';
import { hasSecondFactor } from './second-factor';
import { checkSecondFactorOrCount } from './second-factor-check';
import { assertSignInAllowed, recordSignInFailure } from './sign-in-failures';
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
  await assertSignInAllowed(key, request);

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
    await recordSignInFailure({ key, request, reason, account });
    throw new AppError('invalid_credentials', invalidCredentialsMessage);
  }

  // The code is asked for only after the password, so it says nothing about a wrong one.
  if (await hasSecondFactor(db, account.id)) {
    if (input.code === undefined) throw new SecondFactorRequired(account.id, input.remember);
    await checkSecondFactorOrCount(account, input.code, request);
  }
  return openSignedInSession(account, input.remember, request, previousToken);
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
  const opened = await db.transaction((tx) =>
    openLoginSession(tx, config, account, request, { key, remember, previousToken }),
  );
  return signedIn(account, opened, request, { persistent: remember });
}
