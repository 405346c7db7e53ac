import crypto from 'node:crypto';

type Encoding = 'hex' | 'base64url';

// Hashed on every request (the cookie's seal, the session token). crypto.hash (Node >= 20.12) is one
// call instead of a Hash object, under half the time for inputs this short; older Node falls back.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: Encoding) => string }).hash;

export const sha256: (data: string, encoding: Encoding) => string = oneShot
  ? (data, encoding) => oneShot('sha256', data, encoding)
  : (data, encoding) => crypto.createHash('sha256').update(data).digest(encoding);
