import 'server-only';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { escapeLike } from '../db/text-search';
import { AppError } from '../errors';
import type { UserSearchParams } from './schemas';

/** What a picker shows of a person: never an email address, role or anything secret. */
export type UserChoice = { id: string; username: string; displayName: string };

/**
 * Active users whose username or name contains `q`, those whose username or name starts with it
 * first, for staff choosing a person (check-out, seat, requester). Anyone else: "not found".
 * The users table is small (hundreds to a few thousand rows), so a scan under a small limit
 * answers in well under a millisecond per thousand users; no trigram index is needed.
 */
export async function searchActiveUsers(
  executor: Executor,
  actor: Actor,
  params: UserSearchParams,
): Promise<UserChoice[]> {
  if (!isStaff(actor)) throw new AppError('not_found', 'Not found.');
  const text = params.q?.trim() ?? '';
  const contains = `%${escapeLike(text)}%`;
  const startsWith = `${escapeLike(text.toLowerCase())}%`;
  const matches = text ? or(ilike(users.username, contains), ilike(users.displayName, contains)) : undefined;
  const startsFirst = sql`case when lower(${users.username}) like ${startsWith} or lower(${users.displayName}) like ${startsWith} then 0 else 1 end`;
  return executor
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.active, true), matches))
    .orderBy(asc(startsFirst), asc(sql`lower(${users.displayName})`), asc(users.id))
    .limit(params.limit);
}
