import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { isAdmin, isStaff, type Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Executor, Transaction } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../errors';
import { isNotificationKind, optionalKindsFor } from './kinds';

// Who wants which mail: each user turns off what is not essential for themselves; an admin chooses
// which agents hear about new unassigned tickets. Both audited in the caller's transaction.

export type NotificationSettings = { optOuts: string[]; notifyUnassigned: boolean };

export async function notificationSettings(executor: Executor, userId: string): Promise<NotificationSettings> {
  const [row] = await executor
    .select({ optOuts: users.notificationOptOuts, notifyUnassigned: users.notifyUnassigned })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No such user.');
  return row;
}

/** The actor's own choice: `turnedOff` lists the optional kinds they do not want; essential ones are ignored. */
export async function setNotificationOptOuts(tx: Transaction, actor: Actor, turnedOff: string[]): Promise<string[]> {
  const optional = optionalKindsFor(isStaff(actor));
  const optOuts = [...new Set(turnedOff)].filter((kind) => isNotificationKind(kind) && optional.includes(kind)).sort();
  await tx
    .update(users)
    .set({ notificationOptOuts: optOuts, updatedAt: sql`now()` })
    .where(eq(users.id, actor.id));
  await recordAudit(tx, actor, {
    action: 'user.notification_opt_outs',
    target: { type: 'user', id: actor.id },
    details: { optOuts },
  });
  return optOuts;
}

/** An admin's choice for one agent or admin: whether they are mailed about new unassigned tickets. */
export async function setNotifyUnassigned(
  tx: Transaction,
  actor: Actor,
  input: { userId: string; notify: boolean },
): Promise<void> {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'You do not have permission to do that.');
  const [user] = await tx
    .update(users)
    .set({ notifyUnassigned: input.notify, updatedAt: sql`now()` })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id, username: users.username });
  if (!user) throw new AppError('not_found', 'No such user.');
  await recordAudit(tx, actor, {
    action: 'user.notify_unassigned',
    target: { type: 'user', id: user.id },
    details: { username: user.username, notify: input.notify },
  });
}
