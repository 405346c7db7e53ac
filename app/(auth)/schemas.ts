import { z } from 'zod';
import { displayNameSchema, passwordSchema, usernameSchema } from '@/lib/users/schemas';
import { singleLineText } from '@/lib/validation';

export const loginFormSchema = z.object({
  username: singleLineText().min(1, 'Enter your username.').max(200, 'That username is too long.'),
  // Only the bcrypt limit is enforced here; the strength rules apply when a password is set.
  password: z
    .string()
    .min(1, 'Enter your password.')
    .refine((text) => new TextEncoder().encode(text).length <= 72, { message: 'Passwords are at most 72 bytes long.' }),
  remember: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()),
  next: z.string().optional(),
});

/** A six-digit code or a recovery code; which one, and whether it is right, the domain decides. */
export const secondFactorCodeSchema = singleLineText()
  .min(1, 'Enter the code from your app.')
  .max(64, 'That code is too long.');

export const codeFormSchema = z.object({ code: secondFactorCodeSchema, next: z.string().optional() });

export const setupFormSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((data) => data.password === data.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ.',
  });
