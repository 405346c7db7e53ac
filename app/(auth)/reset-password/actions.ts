'use server';

import { z } from 'zod';
import { resetPasswordWithToken } from '@/lib/auth/password-reset';
import { requestInfo } from '@/lib/boundary/request';
import { publicServerAction } from '@/lib/boundary/server-action';
import { passwordSchema } from '@/lib/users/schemas';

// The same rules as changing a password on the account page: passwordSchema, typed twice.
const resetPasswordSchema = z
  .object({
    token: z.string().min(1, 'This link is not valid.').max(200, 'This link is not valid.'),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((data) => data.password === data.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ.',
  });

export const resetPasswordAction = publicServerAction({ input: resetPasswordSchema }, async ({ input, db }) => {
  await resetPasswordWithToken(db, await requestInfo(), { token: input.token, password: input.password });
  return {
    status: 'success',
    message: 'Your new password is set and every session of your account was signed out. Sign in with it now.',
  };
});
