'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import { setNotifyUnassigned } from '@/lib/mail/outgoing/preferences';

export const setNotifyUnassignedAction = serverAction(
  { input: z.object({ userId: z.uuid('Unknown user.'), notify: z.enum(['true', 'false']) }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const notify = input.notify === 'true';
    await transaction((tx) => setNotifyUnassigned(tx, actor, { userId: input.userId, notify }));
    revalidatePath(`/admin/users/${input.userId}`);
    return {
      status: 'success',
      message: notify
        ? 'They now hear about new unassigned tickets.'
        : 'They no longer hear about new unassigned tickets.',
    };
  },
);
