import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { userIdentityColumns } from '../users/queries';
import { openSignedInSession, type LoginResult } from './login';
import { usernameKey } from './rate-limit';
import { checkSecondFactorOrCount } from './second-factor-check';
import { assertSignInAllowed } from './sign-in-failures';
import type { SecondFactorChallenge } from './session-seal';

export const challengeEndedMessage = 'Your sign-in took too long or was interrupted. Sign in again.';

/**
 * The second step of a form sign-in: the challenge (sealed, five minutes) names whose password was
 * right; the code opens the session. Limits are checked again, so guesses here are counted too.
 */
export async function completeSecondFactorSignIn(
  challenge: SecondFactorChallenge,
  code: string,
  request: RequestInfo,
  previousToken?: string,
): Promise<LoginResult> {
  const db = await getDb();
  const [account] = await db
    .select(userIdentityColumns)
    .from(users)
    .where(and(eq(users.id, challenge.uid), eq(users.active, true)))
    .limit(1);
  if (!account) throw new AppError('unauthenticated', challengeEndedMessage);
  await assertSignInAllowed(usernameKey(account.username), request);
  await checkSecondFactorOrCount(account, code, request);
  return openSignedInSession(account, challenge.remember, request, previousToken);
}
