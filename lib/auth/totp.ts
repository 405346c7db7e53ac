import { Secret, TOTP } from 'otpauth';

// Authenticator-app codes (RFC 6238: SHA-1, 6 digits, 30-second steps, what every app reads from
// a QR code). Pure functions: where the secret is stored and which step was used last is
// lib/auth/second-factor.ts's business.

const issuer = 'IT Assets Manager';
const period = 30;
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const window = 1;

function totpFor(secret: string, label = 'account'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secret) });
}

/** A new 160-bit secret in base32, the size RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** The code for a moment (tests, and nothing else in the app). */
export function totpCodeAt(secret: string, timestamp: number): string {
  return totpFor(secret).generate({ timestamp });
}

/** A code looks like six digits, spaces allowed ("123 456"). */
export function normalizeTotpCode(code: string): string | null {
  const digits = code.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The step a code belongs to, when it is valid at `timestamp` (±1 step) and later than
 * `lastUsedStep`; null otherwise. Refusing every step up to the last one used means a code seen
 * over a shoulder, or sent twice, never opens a second session.
 */
export function acceptedStep(
  secret: string,
  code: string,
  lastUsedStep: number | null,
  timestamp: number = Date.now(),
): number | null {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const delta = totpFor(secret).validate({ token, timestamp, window });
  if (delta === null) return null;
  const step = Math.floor(timestamp / 1000 / period) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
