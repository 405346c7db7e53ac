import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { userPreferences } from '../db/schema-preferences';
import { AppError } from '../errors';
import { validTimeZone } from '../time-zones';

// How a user wants the app shown to them. Each user sets their own; nobody else's is readable here.

/** The zone the user chose, or null when they follow their browser's. */
export async function timeZonePreference(executor: Executor, userId: string): Promise<string | null> {
  const [row] = await executor
    .select({ timeZone: userPreferences.timeZone })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId))
    .limit(1);
  return row?.timeZone ?? null;
}

/** The actor's own choice: an IANA zone, or null to follow the browser. Audited. */
export async function setTimeZonePreference(
  tx: Transaction,
  actor: Actor,
  input: { timeZone: string | null },
): Promise<string | null> {
  const timeZone = input.timeZone === null ? null : validTimeZone(input.timeZone);
  if (input.timeZone !== null && timeZone === null) {
    throw new AppError('validation_failed', 'Choose a time zone from the list.', {
      fields: { timeZone: 'Choose a time zone from the list.' },
    });
  }
  await tx
    .insert(userPreferences)
    .values({ userId: actor.id, timeZone })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { timeZone, updatedAt: sql`now()` } });
  await recordAudit(tx, actor, {
    action: 'user.time_zone',
    target: { type: 'user', id: actor.id },
    details: { timeZone },
  });
  return timeZone;
}
