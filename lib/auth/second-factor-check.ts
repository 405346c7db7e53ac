import 'server-only';
import { recordAudit } from '../audit/record';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { usernameKey } from './rate-limit';
import { checkSecondFactor, wrongCodeMessage } from './second-factor';
import type { SessionUser } from './session-types';
import { recordSignInFailure } from './sign-in-failures';

/**
 * The code step of a sign-in. A wrong code is a failed sign-in like a wrong password: it counts
 * toward the same per-account and per-address limits, so six-digit codes cannot be guessed.
 */
export async function checkSecondFactorOrCount(
  account: SessionUser,
  code: string,
  request: RequestInfo,
): Promise<void> {
  const db = await getDb();
  const method = await db.transaction((tx) => checkSecondFactor(tx, account.id, code));
  if (!method) {
    await recordSignInFailure({ key: usernameKey(account.username), request, reason: 'wrong_code', account });
    throw new AppError('invalid_credentials', 'That code is not valid.', { fields: { code: wrongCodeMessage } });
  }
  if (method === 'recovery') {
    await recordAudit(
      db,
      { id: account.id, username: account.username },
      {
        action: 'auth.recovery_code_used',
        target: { type: 'user', id: account.id },
        ipAddress: request.ipAddress,
      },
    );
  }
}
