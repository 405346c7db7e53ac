'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recheckPassword } from '@/lib/auth/recheck';
import { serverAction } from '@/lib/boundary/server-action';
import { AppError } from '@/lib/errors';
import { notificationKinds } from '@/lib/mail/outgoing/kinds';
import { setNotificationOptOuts } from '@/lib/mail/outgoing/preferences';
import { setUserPassword } from '@/lib/users/mutations';
import { setTimeZonePreference } from '@/lib/users/preferences';
import { passwordSchema } from '@/lib/users/schemas';

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((data) => data.newPassword === data.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ.',
  });

export const changePasswordAction = serverAction(
  { input: changePasswordSchema },
  async ({ actor, input, transaction }) => {
    if (!(await recheckPassword(actor, input.currentPassword))) {
      throw new AppError('validation_failed', 'Your current password is not correct.', {
        fields: { currentPassword: 'This is not your current password.' },
      });
    }
    // The session in use stays signed in; every other one ends.
    const { sessionsRevoked } = await transaction((tx) =>
      setUserPassword(tx, actor, {
        userId: actor.id,
        password: input.newPassword,
        keepSessionId: actor.sessionId ?? undefined,
      }),
    );
    const ended = sessionsRevoked === 1 ? '1 other session was' : `${sessionsRevoked} other sessions were`;
    return { status: 'success', message: `Password changed. ${ended} signed out.` };
  },
);

// One checkbox per kind, named after it; a kind left unticked is turned off.
const notificationChoicesSchema = z.object(
  Object.fromEntries(notificationKinds.map((kind) => [kind, z.literal('on').optional()])),
);

export const saveNotificationsAction = serverAction(
  { input: notificationChoicesSchema },
  async ({ actor, input, transaction }) => {
    const turnedOff = notificationKinds.filter((kind) => input[kind] !== 'on');
    await transaction((tx) => setNotificationOptOuts(tx, actor, turnedOff));
    return { status: 'success', message: 'Your mail settings are saved.' };
  },
);

// An empty choice follows the browser's zone; anything else must be a zone from the list.
const timeZoneChoiceSchema = z.object({ timeZone: z.string().max(64) });

export const saveTimeZoneAction = serverAction(
  { input: timeZoneChoiceSchema },
  async ({ actor, input, transaction }) => {
    const chosen = await transaction((tx) =>
      setTimeZonePreference(tx, actor, { timeZone: input.timeZone === '' ? null : input.timeZone }),
    );
    // Every page shows times; the next one drawn must use the new zone.
    revalidatePath('/', 'layout');
    return {
      status: 'success',
      message: chosen ? `Times are now shown in ${chosen}.` : "Times now follow your browser's time zone.",
      values: { timeZone: chosen ?? '' },
    };
  },
);
