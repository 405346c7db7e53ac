import 'server-only';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { sha256 } from '../crypto/sha256';
import type { SessionClaim } from './session-types';

// The only module that touches iron-session, and only through its public sealData/unsealData.

const claimSchema = z.object({
  sid: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  uid: z.uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
  persistent: z.boolean(),
});

// Browsers cap a cookie near 4 KB; anything longer was not made by us.
const maxSealLength = 4096;
// Bounds the seal check only; the claim's own exp is checked on every use.
const maxSealAgeSeconds = 366 * 24 * 3600;

// iron-session writes a password id into every seal. A fingerprint of each secret is a stable id:
// adding, reordering or dropping secrets never makes a still-listed secret unreadable.
const secretId = (secret: string) => Number.parseInt(sha256(secret, 'hex').slice(0, 12), 16);
const passwordsOf = (secrets: string[]) => Object.fromEntries(secrets.map((secret) => [secretId(secret), secret]));

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Seals with the newest secret; the seal expires with the session (iron-session's default is 14 days). */
export async function sealClaim(claim: Omit<SessionClaim, 'iat'>, secrets: string[]): Promise<string> {
  const iat = nowSeconds();
  return sealData({ ...claim, iat } satisfies SessionClaim, {
    password: passwordsOf(secrets.slice(0, 1)),
    ttl: Math.max(claim.exp - iat, 1),
  });
}

async function tryUnseal(value: string, secrets: string[]): Promise<SessionClaim | null> {
  if (secrets.length === 0) return null;
  try {
    const parsed = claimSchema.safeParse(
      await unsealData(value, { password: passwordsOf(secrets), ttl: maxSealAgeSeconds }),
    );
    return parsed.success && parsed.data.exp > nowSeconds() ? parsed.data : null;
  } catch {
    return null; // tampered, truncated, foreign or garbage: "not signed in", never an error
  }
}

/**
 * The claim a seal holds, and whether the newest secret sealed it (else the caller re-seals it);
 * null for anything malformed, foreign, tampered or expired.
 */
export async function unsealClaim(
  value: string,
  secrets: string[],
): Promise<{ claim: SessionClaim; sealedWithNewest: boolean } | null> {
  if (value.length === 0 || value.length > maxSealLength) return null;
  const newest = await tryUnseal(value, secrets.slice(0, 1));
  if (newest) return { claim: newest, sealedWithNewest: true };
  const older = await tryUnseal(value, secrets.slice(1));
  return older ? { claim: older, sealedWithNewest: false } : null;
}

// Short-lived values that are not sessions: the "password right, code still owed" step of a
// sign-in, and the single sign-on's state, nonce and PKCE verifier between the redirect to the
// provider and its answer. Each purpose seals under passwords of its own, so no seal ever opens as
// a session or as another purpose's value.
export type SealPurpose = 'second-factor' | 'oidc-flow';

const purposePasswords = (purpose: SealPurpose, secrets: string[]) =>
  passwordsOf(secrets.map((secret) => `${purpose}:${secret}`));

/** Seals `value` for `ttlSeconds` with the newest secret. */
export async function sealShortLived(
  purpose: SealPurpose,
  value: Record<string, unknown>,
  secrets: string[],
  ttlSeconds: number,
): Promise<string> {
  return sealData(value, { password: purposePasswords(purpose, secrets.slice(0, 1)), ttl: Math.max(ttlSeconds, 1) });
}

/** What `sealShortLived` sealed for this purpose while it lasts (and before its `exp`, if it has one); null for anything else. */
export async function unsealShortLived<T extends object>(
  purpose: SealPurpose,
  value: string,
  secrets: string[],
  schema: z.ZodType<T>,
): Promise<T | null> {
  if (value.length === 0 || value.length > maxSealLength || secrets.length === 0) return null;
  try {
    const parsed = schema.safeParse(
      await unsealData(value, { password: purposePasswords(purpose, secrets), ttl: maxSealAgeSeconds }),
    );
    if (!parsed.success) return null;
    const exp = (parsed.data as { exp?: unknown }).exp;
    return typeof exp === 'number' && exp <= nowSeconds() ? null : parsed.data;
  } catch {
    return null; // tampered, truncated, foreign or garbage
  }
}

const challengeSchema = z.object({
  uid: z.uuid(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  remember: z.boolean(),
  exp: z.number().int(),
});
export type SecondFactorChallenge = z.infer<typeof challengeSchema>;

export async function sealChallenge(challenge: SecondFactorChallenge, secrets: string[]): Promise<string> {
  return sealShortLived('second-factor', challenge, secrets, challenge.exp - nowSeconds());
}

export async function unsealChallenge(value: string, secrets: string[]): Promise<SecondFactorChallenge | null> {
  return unsealShortLived('second-factor', value, secrets, challengeSchema);
}
