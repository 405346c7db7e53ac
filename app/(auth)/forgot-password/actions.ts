'use server';

import { z } from 'zod';
import { requestPasswordReset, resetRequestAnswer } from '@/lib/auth/password-reset-request';
import { requestInfo } from '@/lib/boundary/request';
import { publicServerAction } from '@/lib/boundary/server-action';
import { singleLineText } from '@/lib/validation';

const forgotPasswordSchema = z.object({
  identifier: singleLineText().min(1, 'Enter your username or email address.').max(254, 'That is too long.'),
});

// The same answer whether or not an account matched: the page never tells who has an account.
export const forgotPasswordAction = publicServerAction({ input: forgotPasswordSchema }, async ({ input, db }) => {
  await requestPasswordReset(db, await requestInfo(), input.identifier);
  return { status: 'success', message: resetRequestAnswer };
});
