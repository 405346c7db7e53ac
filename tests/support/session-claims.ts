import { randomBytes, randomUUID } from 'node:crypto';

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A well-formed session claim with fresh ids, an hour to live unless told otherwise. */
export function testClaim(overrides: { exp?: number; persistent?: boolean } = {}) {
  return {
    sid: randomBytes(16).toString('base64url'),
    uid: randomUUID(),
    exp: overrides.exp ?? nowSeconds() + 3600,
    persistent: overrides.persistent ?? false,
  };
}
