'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { newApiTokenSchema } from '@/lib/auth/api-token-schemas';
import { serverAction } from '@/lib/boundary/server-action';

// The account page's API tokens panel. The new token travels back once, in the action's answer
// (values.token), for the form to show with a copy button; it is stored only as a hash.

export const createApiTokenAction = serverAction(
  { input: newApiTokenSchema },
  async ({ actor, input, transaction }) => {
    const created = await transaction((tx) => createApiToken(tx, actor, input));
    revalidatePath('/account');
    return {
      status: 'success',
      message: `Token “${created.name}” created. Copy it now: it is not shown again.`,
      values: { token: created.token },
    };
  },
);

export const revokeApiTokenAction = serverAction(
  { input: z.object({ tokenId: z.uuid('Unknown token.') }) },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => revokeApiToken(tx, actor, input));
    revalidatePath('/account');
    revalidatePath('/admin/tokens');
    return { status: 'success', message: 'Token revoked.' };
  },
);
