import 'server-only';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../crypto/sha256';

// Recovery codes are 80 random bits each (16 base32 characters, shown in groups of four). With that
// much entropy a plain SHA-256 is enough to store them: nobody can search 2^80 candidates, so the
// slow bcrypt a password needs buys nothing, and unlike a keyed HMAC the hashes outlive a rotation
// of SESSION_SECRET.

export const recoveryCodeCount = 10;
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return text.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string | null {
  const plain = code.replace(/[\s-]+/g, '').toUpperCase();
  return /^[A-Z2-7]{16}$/.test(plain) ? plain : null;
}

export function hashRecoveryCode(normalized: string): string {
  return sha256(normalized, 'hex');
}
