import 'server-only';
import bcrypt from 'bcryptjs';
import { getConfig } from '../config';

export async function hashPassword(password: string, cost = getConfig().bcryptCost): Promise<string> {
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the username is unknown, so that "no such user" costs the same bcrypt
// work as "wrong password" and timing does not tell them apart.
let dummyHash: Promise<string> | undefined;

export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash('not-a-real-password-only-for-timing', getConfig().bcryptCost);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
