'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/boundary/server-action';
import { removeLabelLogo } from '@/lib/labels/logo';

export const removeLabelLogoAction = serverAction(
  { input: z.object({}), roles: ['admin'] },
  async ({ actor, transaction }) => {
    const removed = await transaction((tx) => removeLabelLogo(tx, actor));
    revalidatePath('/assets/labels');
    return { status: 'success', message: removed ? 'Logo removed: labels print without one.' : 'There was no logo.' };
  },
);
