import 'server-only';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../lib/config';
import { createSession } from '../../lib/auth/session-store';
import type { Database } from '../../lib/db/client';
import type { UserRole } from '../../lib/db/schema';
import { createUser } from '../../lib/users/mutations';
import type { UserSummary } from '../../lib/users/queries';

export const testPassword = 'correct horse battery';

/** A unique, valid username, so tests sharing one database never collide. */
export function uniqueUsername(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Creates a user the way the app does: through createUser, inside a transaction. */
export async function createTestUser(
  db: Database,
  options: { username?: string; role?: UserRole; password?: string } = {},
): Promise<UserSummary & { password: string }> {
  const password = options.password ?? testPassword;
  const user = await db.transaction((tx) =>
    createUser(tx, { username: options.username ?? uniqueUsername(options.role), role: options.role ?? 'agent', password }, { actor: null }),
  );
  return { ...user, password };
}

export async function openTestSession(db: Database, config: AppConfig, userId: string, options: { persistent?: boolean } = {}) {
  return createSession(db, config, {
    userId,
    persistent: options.persistent ?? false,
    ipAddress: '192.0.2.10',
    userAgent: 'integration-test',
  });
}
