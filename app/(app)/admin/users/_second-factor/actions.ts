'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminRoles } from '@/lib/actor';
import { resetSecondFactor, setRolesRequiringSecondFactor } from '@/lib/auth/second-factor-admin';
import { serverAction } from '@/lib/boundary/server-action';
import { userRoles } from '@/lib/db/schema';

// Admin-only second-factor settings: which roles must have one, and resetting a user's.

const roleChoices = z.object(Object.fromEntries(userRoles.map((role) => [role, z.literal('on').optional()])));

export const saveSecondFactorRolesAction = serverAction(
  { input: roleChoices, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const roles = userRoles.filter((role) => input[role] === 'on');
    await transaction((tx) => setRolesRequiringSecondFactor(tx, actor, { roles }));
    revalidatePath('/admin/users');
    return {
      status: 'success',
      message:
        roles.length === 0
          ? 'No role has to use a second factor.'
          : `Required for: ${roles.join(', ')}. They set one up right after their next page load.`,
    };
  },
);

export const resetSecondFactorAction = serverAction(
  { input: z.object({ userId: z.uuid('Unknown user.') }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const { sessionsRevoked } = await transaction((tx) => resetSecondFactor(tx, actor, input));
    revalidatePath(`/admin/users/${input.userId}`);
    return {
      status: 'success',
      message: `Second factor removed; ${sessionsRevoked} session${sessionsRevoked === 1 ? '' : 's'} ended.`,
    };
  },
);
