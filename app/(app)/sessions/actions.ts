'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { endOtherSessions, endSession } from '@/lib/auth/user-sessions';
import { sendSignedOutCookie } from '@/lib/boundary/sign-in';
import { serverAction } from '@/lib/boundary/server-action';
import { redirectInApp } from '@/lib/http/redirect-in-app';

export const revokeOwnSessionAction = serverAction(
  { input: z.object({ sessionId: z.uuid('Unknown session.') }) },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => endSession(tx, actor, { sessionId: input.sessionId, ownerId: actor.id, reason: 'user' }));
    if (input.sessionId === actor.sessionId) {
      await sendSignedOutCookie();
      await redirectInApp('/login');
    }
    revalidatePath('/sessions');
    return { status: 'success', message: 'Session revoked.' };
  },
);

export const revokeOtherSessionsAction = serverAction({ input: z.object({}) }, async ({ actor, transaction }) => {
  const count = await transaction((tx) => endOtherSessions(tx, actor));
  revalidatePath('/sessions');
  return {
    status: 'success',
    message: count === 1 ? 'Signed out 1 other session.' : `Signed out ${count} other sessions.`,
  };
});
