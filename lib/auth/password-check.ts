import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { verifyPassword } from './password';

/** Re-checks a signed-in user's password before a sensitive change; the hash stays in here. */
export async function verifyCurrentPassword(userId: string, password: string): Promise<boolean> {
  const [row] = await (
    await getDb()
  )
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ? verifyPassword(password, row.passwordHash) : false;
}
