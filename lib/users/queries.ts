import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users, type UserRole } from '../db/schema';

/** What may leave the data layer about a user: never the password hash. */
export type UserSummary = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: UserRole;
  active: boolean;
  version: number;
  createdAt: Date;
  passwordChangedAt: Date;
};

export const userSummaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  active: users.active,
  version: users.version,
  createdAt: users.createdAt,
  passwordChangedAt: users.passwordChangedAt,
};

export async function listUsers(executor: Executor): Promise<UserSummary[]> {
  return executor.select(userSummaryColumns).from(users).orderBy(asc(sql`lower(${users.username})`));
}

export async function findUserById(executor: Executor, id: string): Promise<UserSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await executor.select(userSummaryColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function findUserByUsername(executor: Executor, username: string): Promise<UserSummary | null> {
  const [row] = await executor
    .select(userSummaryColumns)
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function anyUserExists(executor: Executor): Promise<boolean> {
  const [row] = await executor.select({ id: users.id }).from(users).limit(1);
  return Boolean(row);
}
