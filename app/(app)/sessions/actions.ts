'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { clearSessionCookie, getRequestInfo, requireUser } from '@/lib/auth/dal';
import { endOtherSessions, endSession } from '@/lib/auth/session-actions';
import { redirectInApp } from '@/lib/http/redirect-in-app';

const sessionIdSchema = z.object({ sessionId: z.uuid('Unknown session.') });

export const revokeOwnSessionAction = validatedAction(sessionIdSchema, async ({ sessionId }) => {
  const current = await requireUser();
  const { ipAddress } = await getRequestInfo();
  await endSession({ sessionId, ownerId: current.user.id, reason: 'user' }, { id: current.user.id, username: current.user.username }, ipAddress);
  if (sessionId === current.session.id) {
    await clearSessionCookie();
    await redirectInApp('/login');
  }
  revalidatePath('/sessions');
  return { status: 'success', message: 'Session revoked.' };
});

export const revokeOtherSessionsAction = validatedAction(z.object({}), async () => {
  const current = await requireUser();
  const { ipAddress } = await getRequestInfo();
  const count = await endOtherSessions(current.user.id, current.session.id, { id: current.user.id, username: current.user.username }, ipAddress);
  revalidatePath('/sessions');
  return { status: 'success', message: count === 1 ? 'Signed out 1 other session.' : `Signed out ${count} other sessions.` };
});
