import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { passkeyChallenges, type PasskeyChallengePurpose } from '../db/schema-passkeys';

// The expected challenge of a ceremony stays on the server: the browser only ever gets to sign it.
// A challenge is good for one answer within `challengeLifetimeSeconds`.

export const challengeLifetimeSeconds = 300;

/** A new random challenge (base64url, 256 bits) for `purpose`; expired ones are swept on the way. */
export async function issueChallenge(
  executor: Executor,
  purpose: PasskeyChallengePurpose,
  userId: string | null,
): Promise<string> {
  const challenge = randomBytes(32).toString('base64url');
  await executor.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, sql`now()`));
  await executor.insert(passkeyChallenges).values({
    challenge,
    purpose,
    userId,
    expiresAt: sql`now() + make_interval(secs => ${challengeLifetimeSeconds})`,
  });
  return challenge;
}

/**
 * Takes the challenge an answer claims to sign: true only when this server issued it for the same
 * purpose (and user), it has not expired, and no other answer took it first (the delete decides).
 */
export async function takeChallenge(
  executor: Executor,
  challenge: string,
  purpose: PasskeyChallengePurpose,
  userId: string | null,
): Promise<boolean> {
  const taken = await executor
    .delete(passkeyChallenges)
    .where(
      and(
        eq(passkeyChallenges.challenge, challenge),
        eq(passkeyChallenges.purpose, purpose),
        userId === null ? isNull(passkeyChallenges.userId) : eq(passkeyChallenges.userId, userId),
        gt(passkeyChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning({ challenge: passkeyChallenges.challenge });
  return taken.length === 1;
}
