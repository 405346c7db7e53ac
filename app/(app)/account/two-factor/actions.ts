'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recheckCode, recheckPassword } from '@/lib/auth/recheck';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, wrongCodeMessage } from '@/lib/auth/second-factor';
import type { ActionState } from '@/lib/boundary/action-state';
import { serverAction } from '@/lib/boundary/server-action';
import { AppError } from '@/lib/errors';
import { singleLineText } from '@/lib/validation';

// Setting up an authenticator app is allowed while a required second factor is still missing:
// these are the only actions such a user can use.

export const startTotpAction = serverAction(
  { input: z.object({}), duringSecondFactorSetup: true },
  async ({ actor, transaction }) => {
    await transaction((tx) => startTotpEnrolment(tx, actor));
    revalidatePath('/account/two-factor');
    return { status: 'success', message: 'Scan the code with your app, then enter the code it shows.' };
  },
);

const codeSchema = z.object({ code: singleLineText().trim().min(1, 'Enter the code your app shows.').max(64) });

/** The result carries the recovery codes this once; the page is not redrawn, so they stay on screen. */
export type ConfirmTotpState = ActionState & { recoveryCodes?: string[] };

export const confirmTotpAction = serverAction(
  { input: codeSchema, duringSecondFactorSetup: true },
  async ({ actor, input, transaction }): Promise<ConfirmTotpState> => {
    const { recoveryCodes } = await transaction((tx) => confirmTotpEnrolment(tx, actor, input));
    return { status: 'success', message: 'Two-factor sign-in is on.', recoveryCodes };
  },
);

const disableSchema = z
  .object({
    code: singleLineText().trim().max(64).optional().default(''),
    password: z.string().max(200).optional().default(''),
  })
  .refine((data) => data.code !== '' || data.password !== '', {
    path: ['code'],
    message: 'Enter a current code, or your password below.',
  });

export const disableTotpAction = serverAction({ input: disableSchema }, async ({ actor, input, transaction }) => {
  if (input.code !== '' && !(await recheckCode(actor, input.code))) {
    throw new AppError('validation_failed', 'That code is not valid.', { fields: { code: wrongCodeMessage } });
  }
  if (input.code === '' && !(await recheckPassword(actor, input.password))) {
    throw new AppError('validation_failed', 'Your password is not correct.', {
      fields: { password: 'This is not your current password.' },
    });
  }
  await transaction((tx) => disableTotp(tx, actor, { confirmedWith: input.code !== '' ? 'code' : 'password' }));
  revalidatePath('/account/two-factor');
  revalidatePath('/account');
  return { status: 'success', message: 'Two-factor sign-in is off.' };
});
