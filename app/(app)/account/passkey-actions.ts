'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { removePasskey } from '@/lib/auth/passkeys';
import { serverAction } from '@/lib/boundary/server-action';

export const removePasskeyAction = serverAction(
  { input: z.object({ passkeyId: z.string().max(64) }) },
  async ({ actor, input, transaction }) => {
    const { name } = await transaction((tx) => removePasskey(tx, actor, { id: input.passkeyId }));
    revalidatePath('/account');
    return { status: 'success', message: `Passkey "${name}" removed.` };
  },
);
