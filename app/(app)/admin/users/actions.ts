'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { authorize, getRequestInfo, requireUser } from '@/lib/auth/dal';
import { endSession } from '@/lib/auth/session-actions';
import { getDb } from '@/lib/db/client';
import { changeUserRole, createUser, setUserActive, setUserPassword, type ChangeContext } from '@/lib/users/mutations';
import { displayNameSchema, emailSchema, passwordSchema, roleSchema, usernameSchema } from '@/lib/users/schemas';

// Each action: parse (validatedAction), authenticate, authorize, then mutate + audit in one transaction.

async function requireAdminContext(): Promise<ChangeContext> {
  const current = await requireUser();
  authorize(current, 'admin');
  const { ipAddress } = await getRequestInfo();
  return { actor: { id: current.user.id, username: current.user.username }, ipAddress };
}

const userRef = { userId: z.uuid('Unknown user.'), version: z.coerce.number().int().positive() };

export const createUserAction = validatedAction(
  z.object({ username: usernameSchema, displayName: displayNameSchema, email: emailSchema, role: roleSchema, password: passwordSchema }),
  async (data) => {
    const context = await requireAdminContext();
    const db = await getDb();
    const user = await db.transaction((tx) => createUser(tx, data, context));
    revalidatePath('/admin/users');
    return { status: 'success', message: `User ${user.username} created.` };
  },
);

export const changeRoleAction = validatedAction(z.object({ ...userRef, role: roleSchema }), async (data) => {
  const context = await requireAdminContext();
  const db = await getDb();
  const { changed } = await db.transaction((tx) =>
    changeUserRole(tx, { userId: data.userId, role: data.role, expectedVersion: data.version }, context),
  );
  revalidatePath('/admin/users');
  if (!changed) return { status: 'success', message: `The role is already ${data.role}; nothing changed.` };
  return { status: 'success', message: `Role changed to ${data.role}. It applies from the user's next request.` };
});

export const setActiveAction = validatedAction(z.object({ ...userRef, active: z.enum(['true', 'false']) }), async (data) => {
  const context = await requireAdminContext();
  const active = data.active === 'true';
  const db = await getDb();
  await db.transaction((tx) => setUserActive(tx, { userId: data.userId, active, expectedVersion: data.version }, context));
  revalidatePath('/admin/users');
  return { status: 'success', message: active ? 'User enabled.' : 'User disabled and signed out everywhere.' };
});

export const resetPasswordAction = validatedAction(z.object({ userId: userRef.userId, password: passwordSchema }), async (data) => {
  const context = await requireAdminContext();
  const db = await getDb();
  const { sessionsRevoked } = await db.transaction((tx) => setUserPassword(tx, { userId: data.userId, password: data.password }, context));
  revalidatePath('/admin/users');
  return { status: 'success', message: `Password reset; ${sessionsRevoked} session${sessionsRevoked === 1 ? '' : 's'} signed out.` };
});

export const adminRevokeSessionAction = validatedAction(
  z.object({ sessionId: z.uuid('Unknown session.'), userId: userRef.userId }),
  async (data) => {
    const context = await requireAdminContext();
    await endSession({ sessionId: data.sessionId, ownerId: data.userId, reason: 'admin' }, context.actor, context.ipAddress ?? 'unknown');
    revalidatePath(`/admin/users/${data.userId}`);
    return { status: 'success', message: 'Session revoked. That browser is signed out on its next request.' };
  },
);
