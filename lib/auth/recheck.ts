import 'server-only';
import type { Actor } from '../actor';
import { getDb } from '../db/client';
import { verifyCurrentPassword } from './password-check';
import { usernameKey } from './rate-limit';
import { checkSecondFactor } from './second-factor';
import { assertSignInAllowed, recordSignInFailure } from './sign-in-failures';

// Asking a signed-in user again before a sensitive change (a new password, two-factor sign-in
// off). Each wrong answer counts as a failed sign-in of the account, and past the limit the
// answer is 'rate_limited': a session left open, or stolen, cannot guess the password or a code
// without bound.

async function underSignInLimits(actor: Actor, reason: string, check: () => Promise<boolean>): Promise<boolean> {
  const key = usernameKey(actor.username);
  const from = { ipAddress: actor.ipAddress ?? 'unknown' };
  await assertSignInAllowed(key, from);
  const right = await check();
  if (!right) await recordSignInFailure({ key, request: from, reason, account: actor });
  return right;
}

/** The signed-in user's password, checked again. */
export function recheckPassword(actor: Actor, password: string): Promise<boolean> {
  return underSignInLimits(actor, 'recheck_wrong_password', () => verifyCurrentPassword(actor.id, password));
}

/** A current code from the user's app, or a recovery code, checked again and spent when right. */
export function recheckCode(actor: Actor, code: string): Promise<boolean> {
  return underSignInLimits(actor, 'recheck_wrong_code', async () => {
    const db = await getDb();
    return (await db.transaction((tx) => checkSecondFactor(tx, actor.id, code))) !== null;
  });
}
