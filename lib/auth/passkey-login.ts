import 'server-only';
import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { eq, sql } from 'drizzle-orm';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { passkeys } from '../db/schema-passkeys';
import { AppError } from '../errors';
import type { RequestInfo } from '../http/request-info';
import { log } from '../log';
import { sessionUserColumns } from '../users/queries';
import { parseInput } from '../validation';
import { openLoginSession, signedIn, type LoginResult } from './login-session';
import { issueChallenge, takeChallenge } from './passkey-challenges';
import { requireRelyingParty } from './passkeys';
import { authenticationResponseSchema, type AuthenticationAnswer } from './passkey-schemas';
import { noAccountKey, usernameKey } from './rate-limit';
import { assertSignInAllowed, recordSignInFailure } from './sign-in-failures';

// Signing in with a passkey alone. The authenticator proved possession of the key and verified
// its user (PIN or biometrics, required), so a passkey counts as both factors and opens the session.

export const passkeyRefusedMessage =
  'That passkey was not accepted. Sign in with your password, or try another passkey.';

/** Options for the browser's passkey prompt: any passkey of this site may answer (discoverable). */
export async function passkeySignInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const party = requireRelyingParty();
  const challenge = await issueChallenge(await getDb(), 'sign-in', null);
  return generateAuthenticationOptions({
    rpID: party.id,
    challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
    userVerification: 'required',
  });
}

/**
 * Checks a passkey's answer and opens a session for its user. An unknown passkey, a wrong
 * signature, a counter that went back, a used or foreign challenge and a disabled account all get
 * one message; each failure counts towards the sign-in limits of lib/auth/rate-limit.ts.
 */
export async function logInWithPasskey(
  input: { response: AuthenticationAnswer; remember: boolean },
  request: RequestInfo,
  previousToken?: string,
): Promise<LoginResult> {
  const party = requireRelyingParty();
  const response = parseInput(authenticationResponseSchema, input.response);
  const config = getConfig();
  const db = await getDb();

  const [found] = await db
    .select({
      passkeyId: passkeys.id,
      passkeyName: passkeys.name,
      publicKey: passkeys.publicKey,
      counter: passkeys.counter,
      transports: passkeys.transports,
      user: sessionUserColumns,
      active: users.active,
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.credentialId, response.id))
    .limit(1);
  // A credential nobody registered names no account: its failures count against the address.
  const key = found ? usernameKey(found.user.username) : noAccountKey;

  await assertSignInAllowed(key, request, 'passkey');

  const account = found?.user ?? null;
  const refuse = async (reason: string): Promise<never> => {
    const details = found ? { passkey: found.passkeyName } : undefined;
    await recordSignInFailure({ key, request, reason, account, method: 'passkey', details });
    throw new AppError('invalid_credentials', passkeyRefusedMessage);
  };

  if (!found || !account) return refuse('unknown_passkey');
  let verification;
  try {
    // The challenge is taken outside any transaction: once tried, it is spent even if the rest fails.
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => takeChallenge(db, challenge, 'sign-in', null),
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      credential: {
        id: response.id,
        publicKey: new Uint8Array(Buffer.from(found.publicKey, 'base64url')),
        counter: found.counter,
        transports: found.transports,
      },
      requireUserVerification: true,
    });
  } catch (error) {
    log.warn('passkey.assertion_refused', { userId: found.user.id, reason: (error as Error).message });
    return refuse('bad_assertion');
  }
  if (!verification.verified) return refuse('bad_assertion');
  if (!found.active) return refuse('disabled');

  const opened = await db.transaction(async (tx) => {
    // The counter only grows, even when two sign-ins with the same passkey race.
    await tx
      .update(passkeys)
      .set({
        counter: sql`greatest(${passkeys.counter}, ${verification.authenticationInfo.newCounter})`,
        lastUsedAt: sql`now()`,
      })
      .where(eq(passkeys.id, found.passkeyId));
    return openLoginSession(tx, config, account, request, {
      key,
      remember: input.remember,
      previousToken,
      details: { method: 'passkey', passkey: found.passkeyName },
    });
  });
  return signedIn(account, opened, request, { persistent: input.remember, method: 'passkey' });
}
