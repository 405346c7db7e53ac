'use server';

import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { getRequestInfo, requireUser } from '@/lib/auth/dal';
import { verifyCurrentPassword } from '@/lib/auth/password-check';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { setUserPassword } from '@/lib/users/mutations';
import { passwordSchema } from '@/lib/users/schemas';

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((data) => data.newPassword === data.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ.' });

export const changePasswordAction = validatedAction(changePasswordSchema, async (data) => {
  const current = await requireUser();
  if (!(await verifyCurrentPassword(current.user.id, data.currentPassword))) {
    throw new AppError('validation_failed', 'Your current password is not correct.', {
      fields: { currentPassword: 'This is not your current password.' },
    });
  }
  const { ipAddress } = await getRequestInfo();
  const db = await getDb();
  const { sessionsRevoked } = await db.transaction((tx) =>
    setUserPassword(
      tx,
      { userId: current.user.id, password: data.newPassword, keepSessionId: current.session.id },
      { actor: { id: current.user.id, username: current.user.username }, ipAddress },
    ),
  );
  const ended = sessionsRevoked === 1 ? '1 other session was' : `${sessionsRevoked} other sessions were`;
  return { status: 'success', message: `Password changed. ${ended} signed out.` };
});
