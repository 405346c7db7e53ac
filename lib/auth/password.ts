import 'server-only';
import { getConfig } from '../config';
import { passwordPool } from './password-pool';

// bcrypt runs in worker threads (password-pool.ts) so that sign-ins never stall other requests.

export async function hashPassword(password: string, cost = getConfig().bcryptCost): Promise<string> {
  return passwordPool().hash(password, cost);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return passwordPool().compare(password, hash);
}

// Compared against when the username is unknown, so that "no such user" costs the same bcrypt
// work as "wrong password" and timing does not tell them apart. A failed attempt to make it (a busy
// pool) is forgotten, so the next check tries again.
let dummyHash: Promise<string> | undefined;

export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing').catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  await verifyPassword(password, await dummyHash);
  return false;
}
