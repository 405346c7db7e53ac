import 'server-only';
import { randomBytes } from 'node:crypto';
import { commandLineActor, type Actor } from '../../lib/actor';
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

/** The actor of changes made from the command line in tests (set-up that no signed-in user makes). */
export const testCommandLine = commandLineActor('cli:test');

/** The Actor the boundary would build for `user` signed in from a documentation address. */
export function actorFor(
  user: Pick<UserSummary, 'id' | 'username' | 'role'> & Partial<Pick<UserSummary, 'displayName' | 'email'>>,
  overrides: Partial<Actor> = {},
): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName ?? user.username,
    email: user.email ?? null,
    role: user.role,
    ipAddress: '192.0.2.10',
    requestId: null,
    sessionId: null,
    ...overrides,
  };
}

/** Creates a user the way the app does: through createUser, inside a transaction. */
export async function createTestUser(
  db: Database,
  options: { username?: string; role?: UserRole; password?: string } = {},
): Promise<UserSummary & { password: string }> {
  const password = options.password ?? testPassword;
  const user = await db.transaction((tx) =>
    createUser(tx, testCommandLine, {
      username: options.username ?? uniqueUsername(options.role),
      role: options.role ?? 'agent',
      password,
    }),
  );
  return { ...user, password };
}

export async function openTestSession(
  db: Database,
  config: AppConfig,
  userId: string,
  options: { persistent?: boolean } = {},
) {
  return createSession(db, config, {
    userId,
    persistent: options.persistent ?? false,
    ipAddress: '192.0.2.10',
    userAgent: 'integration-test',
  });
}
