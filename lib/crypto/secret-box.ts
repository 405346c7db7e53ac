import 'server-only';
import crypto from 'node:crypto';
import { sha256 } from './sha256';

// Encrypts small secrets kept at rest (a TOTP secret) with AES-256-GCM under a key derived from
// SESSION_SECRET by HKDF, so a copy of the database alone does not give away anyone's second
// factor. A sealed value names the key it was made with: after a rotation, values made with an
// older secret still open while that secret stays in the list.

type Key = { id: string; key: Buffer };

const purpose = 'it-assets-manager second-factor secret v1';

function deriveKey(secret: string): Key {
  const key = Buffer.from(crypto.hkdfSync('sha256', secret, '', purpose, 32));
  return { id: sha256(key.toString('hex'), 'hex').slice(0, 12), key };
}

/** Seals `plain` with the newest secret of the rotation list. */
export function sealSecret(plain: string, secrets: string[]): string {
  const { id, key } = deriveKey(secrets[0]);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    id,
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

/** Opens a value made by sealSecret with any listed secret; null when none fits or it was altered. */
export function openSecret(sealed: string, secrets: string[]): string | null {
  const [version, id, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !tag) return null;
  const match = secrets.map(deriveKey).find((candidate) => candidate.id === id);
  if (!match) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', match.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
