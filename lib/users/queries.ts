import 'server-only';
import { asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { isAdmin, type Actor, type CommandLineActor } from '../actor';
import type { Executor } from '../db/client';
import { readPage } from '../db/page';
import { users, type UserRole } from '../db/schema';
import { escapeLike } from '../db/text-search';
import { AppError } from '../errors';
import { offsetOf, type Page } from '../list-params';
import { isUuid } from '../validation';
import type { UserListParams } from './schemas';

/** Who may look users up and change them: admins, and the command line (scripts/). */
export type UserAdministrator = Actor | CommandLineActor;

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

/** Who a signed-in user is: what a session, a token or a passkey sign-in acts as. */
export const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
};

/** Who a user is and whether they may act: what a sign-in, a mail or a reset link needs. */
export const userIdentityColumns = { ...sessionUserColumns, active: users.active };

export const userSummaryColumns = {
  ...userIdentityColumns,
  version: users.version,
  createdAt: users.createdAt,
  passwordChangedAt: users.passwordChangedAt,
};

/** Every user, by username, for admins only (anyone else: "not found", as for anything they may not see). */
export async function listUsers(executor: Executor, actor: UserAdministrator): Promise<UserSummary[]> {
  if (!isAdmin(actor)) throw new AppError('not_found', 'Not found.');
  return executor
    .select(userSummaryColumns)
    .from(users)
    .orderBy(asc(sql`lower(${users.username})`));
}

/** One page of users by username, those whose username, name or email contains `q` when given; admins only. */
export async function listUsersPage(
  executor: Executor,
  actor: UserAdministrator,
  params: UserListParams,
): Promise<Page<UserSummary>> {
  if (!isAdmin(actor)) throw new AppError('not_found', 'Not found.');
  const pattern = params.q ? `%${escapeLike(params.q)}%` : null;
  const where = pattern
    ? or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.email, pattern))
    : undefined;
  return readPage(
    params,
    executor
      .select(userSummaryColumns)
      .from(users)
      .where(where)
      .orderBy(asc(sql`lower(${users.username})`), asc(users.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    executor.$count(users, where),
  );
}

async function loadUserWhere(executor: Executor, where: SQL): Promise<UserSummary | null> {
  const [row] = await executor.select(userSummaryColumns).from(users).where(where).limit(1);
  return row ?? null;
}

/** A user by id, without checking who asks: for the data layer's own use once it has decided. */
export async function loadUserById(executor: Executor, id: string): Promise<UserSummary | null> {
  return isUuid(id) ? loadUserWhere(executor, eq(users.id, id)) : null;
}

/** A user by id for an admin; null when there is none or the actor may not see users. */
export async function findUserById(
  executor: Executor,
  actor: UserAdministrator,
  id: string,
): Promise<UserSummary | null> {
  return isAdmin(actor) ? loadUserById(executor, id) : null;
}

/** A user by username, in any letter case, for an admin; null when there is none or the actor may not see users. */
export async function findUserByUsername(
  executor: Executor,
  actor: UserAdministrator,
  username: string,
): Promise<UserSummary | null> {
  const byName = eq(sql`lower(${users.username})`, username.trim().toLowerCase());
  return isAdmin(actor) ? loadUserWhere(executor, byName) : null;
}

export async function anyUserExists(executor: Executor): Promise<boolean> {
  const [row] = await executor.select({ id: users.id }).from(users).limit(1);
  return Boolean(row);
}
