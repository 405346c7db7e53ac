'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminRoles } from '@/lib/actor';
import { endSession } from '@/lib/auth/user-sessions';
import { serverAction } from '@/lib/boundary/server-action';
import { changeUserRole, createUser, setUserActive, setUserPassword, updateUserDetails } from '@/lib/users/mutations';
import {
  displayNameSchema,
  emailSchema,
  passwordSchema,
  roleSchema,
  userDetailsSchema,
  usernameSchema,
} from '@/lib/users/schemas';

// Admin-only: the boundary parses the form, checks the role and builds the Actor; each change and
// its audit row commit in one transaction.

const userRef = { userId: z.uuid('Unknown user.'), version: z.coerce.number().int().positive() };

export const createUserAction = serverAction(
  {
    input: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      email: emailSchema,
      role: roleSchema,
      password: passwordSchema,
    }),
    roles: adminRoles,
  },
  async ({ actor, input, transaction }) => {
    const user = await transaction((tx) => createUser(tx, actor, input));
    revalidatePath('/admin/users');
    return { status: 'success', message: `User ${user.username} created.` };
  },
);

export const changeRoleAction = serverAction(
  { input: z.object({ ...userRef, role: roleSchema }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const { changed } = await transaction((tx) =>
      changeUserRole(tx, actor, { userId: input.userId, role: input.role, expectedVersion: input.version }),
    );
    revalidatePath('/admin/users');
    if (!changed) return { status: 'success', message: `The role is already ${input.role}; nothing changed.` };
    return { status: 'success', message: `Role changed to ${input.role}. It applies from the user's next request.` };
  },
);

export const updateDetailsAction = serverAction(
  { input: userDetailsSchema.extend(userRef), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const { changed } = await transaction((tx) =>
      updateUserDetails(tx, actor, {
        userId: input.userId,
        displayName: input.displayName,
        email: input.email,
        expectedVersion: input.version,
      }),
    );
    revalidatePath('/admin/users');
    return { status: 'success', message: changed ? 'Name and email saved.' : 'Nothing changed.' };
  },
);

export const setActiveAction = serverAction(
  { input: z.object({ ...userRef, active: z.enum(['true', 'false']) }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const active = input.active === 'true';
    await transaction((tx) =>
      setUserActive(tx, actor, { userId: input.userId, active, expectedVersion: input.version }),
    );
    revalidatePath('/admin/users');
    return { status: 'success', message: active ? 'User enabled.' : 'User disabled and signed out everywhere.' };
  },
);

export const resetPasswordAction = serverAction(
  { input: z.object({ userId: userRef.userId, password: passwordSchema }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const { sessionsRevoked } = await transaction((tx) =>
      setUserPassword(tx, actor, { userId: input.userId, password: input.password }),
    );
    revalidatePath('/admin/users');
    return {
      status: 'success',
      message: `Password reset; ${sessionsRevoked} session${sessionsRevoked === 1 ? '' : 's'} signed out.`,
    };
  },
);

export const adminRevokeSessionAction = serverAction(
  { input: z.object({ sessionId: z.uuid('Unknown session.'), userId: userRef.userId }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    await transaction((tx) =>
      endSession(tx, actor, { sessionId: input.sessionId, ownerId: input.userId, reason: 'admin' }),
    );
    revalidatePath(`/admin/users/${input.userId}`);
    return { status: 'success', message: 'Session revoked. That browser is signed out on its next request.' };
  },
);
